#!/usr/bin/env python3
"""nfqueue-delay.py QUEUE DELAY_MS: latency for the pod lab, where the kernel has neither netem nor fq.

Run inside a pod's network namespace. Every packet an iptables rule sends to NFQUEUE number QUEUE (there: the
pod's packets to its peers) is held for DELAY_MS milliseconds, then accepted, in order. Speaks nfnetlink_queue
directly (no library): bind the queue, copy packet metadata only, answer each packet with an NF_ACCEPT verdict when
its time has come. Stops on SIGTERM.
"""
import heapq
import select
import signal
import socket
import struct
import sys
import time

NETLINK_NETFILTER = 12
NFNL_SUBSYS_QUEUE = 3
NFQNL_MSG_PACKET, NFQNL_MSG_VERDICT, NFQNL_MSG_CONFIG = 0, 1, 2
NFQA_CFG_CMD, NFQA_CFG_PARAMS, NFQA_CFG_QUEUE_MAXLEN = 1, 2, 3
NFQNL_CFG_CMD_BIND = 1
NFQNL_COPY_META = 1
NFQA_PACKET_HDR, NFQA_VERDICT_HDR = 1, 2
NF_ACCEPT = 1
NLM_F_REQUEST, NLM_F_ACK = 1, 4
NLMSG_ERROR = 2


def attribute(kind, payload):
    length = 4 + len(payload)
    return struct.pack("=HH", length, kind) + payload + b"\0" * ((4 - length % 4) % 4)


def message(msg_type, queue, attributes, flags=NLM_F_REQUEST):
    body = struct.pack("=BBH", socket.AF_UNSPEC, 0, socket.htons(queue)) + b"".join(attributes)
    return struct.pack("=IHHII", 16 + len(body), (NFNL_SUBSYS_QUEUE << 8) | msg_type, flags, 0, 0) + body


def configure(sock, queue):
    command = attribute(NFQA_CFG_CMD, struct.pack("!BBH", NFQNL_CFG_CMD_BIND, 0, socket.AF_INET))
    sock.send(message(NFQNL_MSG_CONFIG, queue, [command], NLM_F_REQUEST | NLM_F_ACK))
    check_ack(sock)
    params = attribute(NFQA_CFG_PARAMS, struct.pack("!IB", 0, NFQNL_COPY_META))
    maxlen = attribute(NFQA_CFG_QUEUE_MAXLEN, struct.pack("!I", 65536))
    sock.send(message(NFQNL_MSG_CONFIG, queue, [params, maxlen], NLM_F_REQUEST | NLM_F_ACK))
    check_ack(sock)


def check_ack(sock):
    data = sock.recv(65536)
    length, kind = struct.unpack_from("=IH", data, 0)
    if kind == NLMSG_ERROR:
        error = struct.unpack_from("=i", data, 16)[0]
        if error != 0:
            sys.exit("nfqueue-delay: the kernel refused the queue configuration: errno %d" % -error)


def packet_ids(data):
    offset = 0
    while offset + 16 <= len(data):
        length, kind = struct.unpack_from("=IH", data, offset)
        if length < 16:
            break
        if kind == (NFNL_SUBSYS_QUEUE << 8) | NFQNL_MSG_PACKET:
            position = offset + 20
            while position + 4 <= offset + length:
                attr_length, attr_kind = struct.unpack_from("=HH", data, position)
                if attr_length < 4:
                    break
                if attr_kind & 0x7FFF == NFQA_PACKET_HDR:
                    yield struct.unpack_from("!I", data, position + 4)[0]
                position += (attr_length + 3) & ~3
        offset += (length + 3) & ~3


def main():
    queue, delay = int(sys.argv[1]), int(sys.argv[2]) / 1000.0
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_NETFILTER)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
    sock.bind((0, 0))
    configure(sock, queue)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print("nfqueue-delay: queue %d, %d ms" % (queue, delay * 1000), flush=True)
    held = []
    while True:
        timeout = max(0.0, held[0][0] - time.monotonic()) if held else None
        readable, _, _ = select.select([sock], [], [], timeout)
        if readable:
            now = time.monotonic()
            for packet in packet_ids(sock.recv(1 << 20)):
                heapq.heappush(held, (now + delay, packet))
        now = time.monotonic()
        while held and held[0][0] <= now:
            _, packet = heapq.heappop(held)
            verdict = attribute(NFQA_VERDICT_HDR, struct.pack("!II", NF_ACCEPT, packet))
            sock.send(message(NFQNL_MSG_VERDICT, queue, [verdict]))


if __name__ == "__main__":
    main()
