#!/usr/bin/env python3
"""Runs a command with a loop block device of its own, always detached
afterwards.

  with_loop.py [--size MB] [--ext4] -- COMMAND...

Makes an image file of MB megabytes (default 16) in a fresh directory under
/tmp and attaches it to a free loop device. With --ext4 it also makes an
ext4 file system on it and mounts it. In COMMAND's words, {dev} becomes the
device path, {major} and {minor} its numbers and {mnt} the mount point.
Before COMMAND runs it prints `with_loop: device DEV MAJOR:MINOR`. The
exit code is COMMAND's; the file system is unmounted, the device detached
and the directory removed whatever happens.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=16)
    parser.add_argument("--ext4", action="store_true")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    opts = parser.parse_args()
    command = opts.command[1:] if opts.command[:1] == ["--"] else opts.command
    workdir = tempfile.mkdtemp(prefix="ss-lit-loop-")
    image = os.path.join(workdir, "disk.img")
    mnt = os.path.join(workdir, "mnt")
    dev = None
    mounted = False
    try:
        with open(image, "wb") as f:
            f.truncate(opts.size << 20)
        dev = subprocess.run(["losetup", "--find", "--show", image], check=True, capture_output=True,
                             text=True).stdout.strip()
        if opts.ext4:
            subprocess.run(["mkfs.ext4", "-q", "-F", dev], check=True)
            os.mkdir(mnt)
            subprocess.run(["mount", dev, mnt], check=True)
            mounted = True
        rdev = os.stat(dev).st_rdev
        values = {"{dev}": dev, "{major}": str(os.major(rdev)), "{minor}": str(os.minor(rdev)), "{mnt}": mnt}
        words = []
        for word in command:
            for key, value in values.items():
                word = word.replace(key, value)
            words.append(word)
        print(f"with_loop: device {dev} {os.major(rdev)}:{os.minor(rdev)}", flush=True)
        return subprocess.run(words).returncode
    finally:
        if mounted:
            subprocess.run(["umount", mnt], check=False)
        if dev:
            subprocess.run(["losetup", "--detach", dev], check=False)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
