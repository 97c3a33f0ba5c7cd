/* pcap_floor.c: the throughput floor for reading a capture with libpcap.
 * Counts packets and captured bytes with pcap_loop and does nothing else.
 * Build: gcc -O2 -o pcap_floor pcap_floor.c -lpcap    Usage: pcap_floor FILE.pcap */
#include <pcap/pcap.h>
#include <stdio.h>

struct totals {
    unsigned long long packets;
    unsigned long long bytes;
};

static void count(u_char *user, const struct pcap_pkthdr *h, const u_char *data) {
    struct totals *t = (struct totals *)user;
    (void)data;
    t->packets += 1;
    t->bytes += h->caplen;
}

int main(int argc, char **argv) {
    char err[PCAP_ERRBUF_SIZE];
    struct totals t = {0, 0};
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE.pcap\n", argv[0]);
        return 2;
    }
    pcap_t *p = pcap_open_offline(argv[1], err);
    if (p == NULL) {
        fprintf(stderr, "pcap_floor: %s\n", err);
        return 1;
    }
    if (pcap_loop(p, -1, count, (u_char *)&t) == -1) {
        fprintf(stderr, "pcap_floor: %s\n", pcap_geterr(p));
        pcap_close(p);
        return 1;
    }
    pcap_close(p);
    printf("packets=%llu bytes=%llu\n", t.packets, t.bytes);
    return 0;
}
