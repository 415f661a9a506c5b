// XDP: VLAN-tagged and plain traffic, MAC addresses and ICMP types.
xdp:lo {
  if (filter("vlan and ip")) { @vlan[vlan.id] = count(); }
  if (icmp) { @icmp[icmp.type, macaddr(eth.src)] = count(); }
  @proto[pkt.proto] = count();
}
