#!/usr/bin/env python3
"""Write corpus/warc/sample.warc.gz from the files in corpus/generators/warc-src/.

    python3 corpus/generators/make_warc.py            # writes corpus/warc/sample.warc.gz
    python3 corpus/generators/make_warc.py OUT.warc.gz

Standard library only. The output is byte-for-byte reproducible: record ids
are UUIDs derived from fixed names (uuid5), dates are fixed, and every record
is its own gzip member written with mtime=0.

Records, in order:
  1. warcinfo
  2-4. response: an HTTP response (status line, headers, HTML body) per page;
       the second is sent with chunked transfer coding
  5. conversion: a plain-text page (the text of a page, as in a WET file)
"""

import base64
import gzip
import hashlib
import pathlib
import sys
import uuid

HERE = pathlib.Path(__file__).resolve().parent
SOURCES = HERE / "warc-src"
DEFAULT_OUT = HERE.parent / "warc" / "sample.warc.gz"
NAMESPACE = uuid.UUID("6f1d3c2e-8a4b-4c1e-9d7a-2b5e0f9c1a11")  # fixed: ids never change

# (source file, target URI, WARC-Date: the crawl time, chunked transfer coding)
RESPONSES = [
    ("last-residents-leave-camp-liberty.html",
     "https://www.iau.example/news/last-residents-leave-camp-liberty", "2016-09-12T08:30:00Z", False),
    ("tanker-traffic-hormuz.html",
     "https://www.tbr.example/energy/tanker-traffic-hormuz", "2017-03-15T11:45:10Z", True),
    ("heavy-water-shipment.html",
     "https://www.worldaffairs.example/world/heavy-water-shipment", "2016-11-22T06:05:00Z", False),
]
CONVERSION = ("human-rights-2012-12.txt", "https://www.iau.example/section/human-rights/page/14",
              "2012-12-14T09:00:00Z")
WARCINFO_DATE = "2017-03-16T00:00:00Z"


def record_id(name):
    return "<urn:uuid:%s>" % uuid.uuid5(NAMESPACE, name)


def sha1_digest(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def record(headers, block):
    """One WARC record: version line, named fields, blank line, block, two CRLFs."""
    fields = ["WARC/1.0"] + ["%s: %s" % (k, v) for k, v in headers]
    fields.append("Content-Length: %d" % len(block))
    head = ("\r\n".join(fields) + "\r\n\r\n").encode("utf-8")
    return gzip.compress(head + block + b"\r\n\r\n", compresslevel=9, mtime=0)


def chunked(body, size=512):
    out = b""
    for i in range(0, len(body), size):
        piece = body[i:i + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def http_response(body, is_chunked):
    headers = [
        "HTTP/1.1 200 OK",
        "Server: nginx",
        "Content-Type: text/html; charset=utf-8",
        "Cache-Control: max-age=300",
    ]
    if is_chunked:
        headers.append("Transfer-Encoding: chunked")
        payload = chunked(body)
    else:
        headers.append("Content-Length: %d" % len(body))
        payload = body
    return ("\r\n".join(headers) + "\r\n\r\n").encode("ascii"), payload


def warcinfo(filename):
    block = (
        "software: make_warc.py (libsearch corpus generator)\r\n"
        "format: WARC File Format 1.0\r\n"
        "description: sample web archive of the libsearch corpus; fictional articles\r\n"
        "isPartOf: libsearch-sample-corpus\r\n"
    ).encode("utf-8")
    return record([
        ("WARC-Type", "warcinfo"),
        ("WARC-Date", WARCINFO_DATE),
        ("WARC-Filename", filename),
        ("WARC-Record-ID", record_id("warcinfo")),
        ("Content-Type", "application/warc-fields"),
    ], block)


def response(source, uri, date, is_chunked):
    body = (SOURCES / source).read_bytes()
    head, payload = http_response(body, is_chunked)
    block = head + payload
    return record([
        ("WARC-Type", "response"),
        ("WARC-Target-URI", uri),
        ("WARC-Date", date),
        ("WARC-Record-ID", record_id("response:" + uri)),
        ("WARC-Payload-Digest", sha1_digest(body)),
        ("WARC-Block-Digest", sha1_digest(block)),
        ("Content-Type", "application/http; msgtype=response"),
    ], block)


def conversion(source, uri, date):
    block = (SOURCES / source).read_bytes()
    return record([
        ("WARC-Type", "conversion"),
        ("WARC-Target-URI", uri),
        ("WARC-Date", date),
        ("WARC-Record-ID", record_id("conversion:" + uri)),
        # The response it was converted from, in the original crawl (not in this sample).
        ("WARC-Refers-To", record_id("response:" + uri)),
        ("WARC-Block-Digest", sha1_digest(block)),
        ("Content-Type", "text/plain"),
    ], block)


def main(argv):
    out = pathlib.Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    members = [warcinfo(out.name)]
    members += [response(*entry) for entry in RESPONSES]
    members.append(conversion(*CONVERSION))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(b"".join(members))
    print("wrote %s: %d records, %d bytes" % (out, len(members), out.stat().st_size))


if __name__ == "__main__":
    main(sys.argv)
