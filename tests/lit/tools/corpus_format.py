"""lit test format for the bpftrace compatibility corpus (tests/compat):
every tests/compat/*.bt file is a test whose RUN and CHECK lines are
comments in the program. Lives in a module of its own so that lit can send
it to its worker processes."""
import os

import lit.formats
import lit.Test


class CorpusFormat(lit.formats.ShTest):
    def getTestsInDirectory(self, testSuite, path_in_suite, litConfig, localConfig):
        corpus = os.path.join(testSuite.source_root, "..", "compat")
        for name in sorted(os.listdir(corpus)):
            if name.endswith(".bt"):
                # tests/lit/../compat/NAME: the file itself is the test.
                yield lit.Test.Test(testSuite, ("..", "compat", name), localConfig)
