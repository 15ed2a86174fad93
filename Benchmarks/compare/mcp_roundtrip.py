"""MCP round trips against `lumen mcp` with the official Python client.

Usage: python mcp_roundtrip.py LUMEN FIXTURES [CALLS] [stdio|http]
Prints p50/p90/p99 latency of tools/list and of a tools/call on a 1×1 image, and the server's
resident memory before and after (to see that it stays flat). `http` starts
`lumen mcp --http --port 0` and talks Streamable HTTP to it.
"""

import asyncio
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None


def server_pid():
    me = os.getpid()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().split()
                with open(f"/proc/{entry}/cmdline", "rb") as cmd:
                    line = cmd.read()
                if int(fields[3]) == me and b"mcp" in line:
                    return int(entry)
            except (OSError, ValueError, IndexError):
                pass


def percentiles(samples):
    ordered = sorted(samples)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000
    return f"p50 {pick(0.5):.2f} ms, p90 {pick(0.9):.2f} ms, p99 {pick(0.99):.2f} ms"


@contextlib.asynccontextmanager
async def stdio_session(lumen, workspace):
    params = StdioServerParameters(command=lumen, args=["mcp", "--workspace", workspace])
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            yield session, server_pid()


@contextlib.asynccontextmanager
async def http_session(lumen, workspace):
    from mcp.client.streamable_http import streamable_http_client

    process = await asyncio.create_subprocess_exec(
        lumen, "mcp", "--http", "--port", "0", "--workspace", workspace,
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        line = (await asyncio.wait_for(process.stderr.readline(), 30)).decode()
        url = line.split("listening on ", 1)[1].split()[0]
        async with streamable_http_client(url) as (read, write):
            async with ClientSession(read, write) as session:
                await session.initialize()
                yield session, process.pid
    finally:
        process.terminate()
        await process.wait()


async def main(lumen, fixtures, calls, transport):
    workspace = tempfile.mkdtemp(prefix="lumen-rt-")
    shutil.copy(os.path.join(fixtures, "pillow__background_outside_palette.gif"), os.path.join(workspace, "one.gif"))
    arguments = {"image": "one.gif", "k": 1, "space": None, "exclude": None, "exact_colors": None, "swatch": None, "preview": None}
    connect = http_session if transport == "http" else stdio_session
    async with connect(lumen, workspace) as (session, pid):
        for _ in range(50):
            await session.list_tools()
            await session.call_tool("extract_palette", arguments)
        before = rss_kb(pid)
        listing, calling = [], []
        for _ in range(calls):
            start = time.perf_counter()
            await session.list_tools()
            listing.append(time.perf_counter() - start)
            start = time.perf_counter()
            await session.call_tool("extract_palette", arguments)
            calling.append(time.perf_counter() - start)
        after = rss_kb(pid)
    shutil.rmtree(workspace)
    load = os.getloadavg()
    print(f"lumen mcp {transport} round trips, {calls} each (load average {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f})")
    print(f"tools/list: {percentiles(listing)}")
    print(f"tools/call extract_palette on a 1x1 GIF: {percentiles(calling)}")
    print(f"server RSS: {before} kB after warm-up, {after} kB after {2 * calls} more requests")


if __name__ == "__main__":
    calls = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    asyncio.run(main(sys.argv[1], sys.argv[2], calls, sys.argv[4] if len(sys.argv) > 4 else "stdio"))
