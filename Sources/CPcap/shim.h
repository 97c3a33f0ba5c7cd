#ifndef TLSPRINT_CPCAP_SHIM_H
#define TLSPRINT_CPCAP_SHIM_H
#include <pcap/pcap.h>
#endif
