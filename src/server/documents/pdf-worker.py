# The warm half of the PDF converter (pdf.ts): connects through UNO to the one LibreOffice process
# that pdf.ts keeps running, then converts DOCX files to PDF on request, one at a time, for as long
# as pdf.ts keeps its stdin open. Run with a Python that has LibreOffice's `uno` module (Debian:
# python3-uno, used by /usr/bin/python3).
#
# Protocol, one JSON object a line:
#   stdout  {"ready": true}                                  once connected
#   stdin   {"id": 1, "in": "/tmp/…/a.docx", "out": "/tmp/…/a.pdf"}
#   stdout  {"id": 1, "ok": true} | {"id": 1, "ok": false, "error": "…"}
# When stdin closes (pdf.ts closed the converter, or Node died without closing it), the worker asks
# LibreOffice to terminate, so no office process outlives the server.
import json
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def send(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def connect(pipe_name, timeout_s):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe_name
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            return resolver.resolve(url)
        except Exception:  # NoConnectException until the office listens
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def convert(desktop, src, dst):
    # The filter named up front skips type detection; Hidden keeps the headless office windowless.
    load = (prop("Hidden", True), prop("ReadOnly", True), prop("FilterName", "MS Word 2007 XML"))
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, load)
    try:
        doc.storeToURL(uno.systemPathToFileUrl(dst), (prop("FilterName", "writer_pdf_Export"),))
    finally:
        doc.close(True)


def main():
    pipe_name, timeout_s = sys.argv[1], float(sys.argv[2])
    ctx = connect(pipe_name, timeout_s)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    send({"ready": True})
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        try:
            convert(desktop, request["in"], request["out"])
            send({"id": request["id"], "ok": True})
        except Exception as error:  # report and carry on: one bad file must not stop the worker
            send({"id": request["id"], "ok": False, "error": str(error)})
    try:
        desktop.terminate()
    except Exception:
        pass  # the office is already gone, or went while terminating (DisposedException)


if __name__ == "__main__":
    main()
