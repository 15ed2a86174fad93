"""Lumen's MCP server driven by the official Python MCP client, over stdio or Streamable HTTP.

Usage: python test_mcp.py stdio|http LUMEN_BINARY FIXTURES_DIR
The same checks run over both transports; over HTTP the server is started with `--http
--port 0` and LUMEN_MCP_TOKEN set, and the Origin and token checks are tested too.
Exits non-zero (with the failing check) when any check fails.
"""

import asyncio
import csv as csv_module
import statistics
import base64
import contextlib
import os
import secrets
import shutil
import subprocess
import sys
import tempfile

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
try:
    from mcp.shared.exceptions import MCPError as McpError
except ImportError:  # mcp 1.x
    from mcp.shared.exceptions import McpError

PALETTE = {"image": "palette-3colors.png", "k": 3, "space": None, "exclude": None,
           "exact_colors": None, "swatch": None, "preview": None}
MAP = {"points": "lighthouses-sample.csv", "output": "lights.gif", "title": "Lights", "region": None,
       "theme": None, "width": 320, "height": 200, "fps": None, "seconds": 2, "label": None,
       "lat_column": None, "lon_column": None, "preview": True}
CHART = {"data": "tips.csv", "output": "tips.png", "kind": "bar", "x": "day", "y": ["tip"],
         "color": None, "size_by": None, "agg": "mean", "time_unit": None, "bins": None, "sort": None,
         "top": None, "log_x": None, "log_y": None, "stack": None, "horizontal": None, "title": None,
         "x_title": None, "y_title": None, "theme": None, "size": None, "scale": None, "sheet": None,
         "preview": True}
HEATMAP = {"data": "tips.csv", "output": "tips-heatmap.html", "x": "day", "y": "time",
           "value": "tip", "agg": "mean", "calendar": None, "lat": None, "lon": None, "weight": None, "region": None, "radius": None, "matrix": None, "scale": None,
           "center": None, "range": None, "log": None, "order": None, "annotate": None,
           "format": None, "title": None, "x_title": None, "y_title": None, "size": None,
           "sheet": None, "preview": True}
VIDEO = {"input": "demo.gif", "output": "demo.mp4", "codec": None, "crf": None,
         "preset": "ultrafast", "background": None, "max_width": None, "loop": None}


def field(obj, snake, camel):
    """mcp 2.x names fields in snake_case, 1.x in camelCase."""
    return getattr(obj, snake) if hasattr(obj, snake) else getattr(obj, camel)


def is_error(result):
    return bool(field(result, "is_error", "isError"))


def structured(result):
    return field(result, "structured_content", "structuredContent")


def text_of(result):
    return "\n".join(c.text for c in result.content if getattr(c, "type", "") == "text")


@contextlib.asynccontextmanager
async def stdio_session(lumen, workspace, *extra):
    params = StdioServerParameters(command=lumen, args=["mcp", "--workspace", workspace, "--max-concurrent", "2", *extra])
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            yield session


@contextlib.asynccontextmanager
async def http_server(lumen, workspace, token):
    """Starts `lumen mcp --http --port 0` and yields the URL it prints on stderr."""
    env = dict(os.environ, LUMEN_MCP_TOKEN=token)
    process = await asyncio.create_subprocess_exec(
        lumen, "mcp", "--http", "--port", "0", "--workspace", workspace, "--max-concurrent", "2",
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        line = await asyncio.wait_for(process.stderr.readline(), 30)
        text = line.decode()
        assert "listening on http://127.0.0.1:" in text, text
        yield text.split("listening on ", 1)[1].split()[0]
    finally:
        process.terminate()
        await process.wait()


@contextlib.asynccontextmanager
async def http_session(url, token):
    import httpx2
    from mcp.client.streamable_http import streamable_http_client

    headers = {"Authorization": f"Bearer {token}"}
    async with httpx2.AsyncClient(headers=headers, timeout=httpx2.Timeout(30, read=300)) as client:
        async with streamable_http_client(url, http_client=client) as (read, write):
            async with ClientSession(read, write) as session:
                yield session


async def check_http_access(url, token):
    """A foreign Origin or Host is refused with 403, a missing or wrong token with 401; malformed
    JSON-RPC gets its error code; more sessions than the cap evict the least recently used."""
    import httpx2

    body = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}}
    base = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}
    async with httpx2.AsyncClient(timeout=10) as client:
        foreign = await client.post(url, json=body, headers=dict(base, Authorization=f"Bearer {token}", Origin="http://evil.example"))
        assert foreign.status_code == 403, (foreign.status_code, foreign.text)
        missing = await client.post(url, json=body, headers=base)
        assert missing.status_code == 401 and "Bearer" in missing.headers.get("www-authenticate", ""), missing
        wrong = await client.post(url, json=body, headers=dict(base, Authorization=f"Bearer {token}x"))
        assert wrong.status_code == 401, (wrong.status_code, wrong.text)
        local = await client.post(url, json=body, headers=dict(base, Authorization=f"Bearer {token}", Origin="http://localhost:3000"))
        assert local.status_code == 200 and local.headers.get("mcp-session-id"), (local.status_code, local.text)
        await client.delete(url, headers={"Authorization": f"Bearer {token}", "Mcp-Session-Id": local.headers["mcp-session-id"]})

        auth = dict(base, Authorization=f"Bearer {token}")
        # DNS rebinding: a page whose own name resolves to 127.0.0.1 sends its name as Host.
        rebound = await client.post(url, json=body, headers=dict(auth, Host="evil.example:8931"))
        assert rebound.status_code == 403 and "Host" in rebound.text, (rebound.status_code, rebound.text)
        # Malformed messages all get a JSON-RPC answer with the right code.
        for raw, code in [('{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}', -32600),
                          ('{"jsonrpc":"2.0","id":1e400,"method":"ping"}', -32700),
                          ('{"jsonrpc":"2.0","id":7,"method":"tools/call","params":"abc"}', -32602),
                          ('not json', -32700), ('[1,2]', -32600)]:
            reply = await client.post(url, content=raw, headers=auth)
            assert reply.status_code == 400 and reply.json()["error"]["code"] == code, (raw, reply.status_code, reply.text)
        # Abandoned sessions never lock clients out: 40 initialize calls, then one more works.
        for _ in range(40):
            opened = await client.post(url, json=body, headers=auth)
            assert opened.status_code == 200, (opened.status_code, opened.text)


async def run(transport, lumen, fixtures):
    workspace = tempfile.mkdtemp(prefix="lumen-mcp-")
    for name in ("demo.gif", "palette-3colors.png", "lighthouses-sample.csv", "tables/tips.csv"):
        shutil.copy(os.path.join(fixtures, name), workspace)
    checks = 0
    async with contextlib.AsyncExitStack() as stack:
        if transport == "http":
            token = secrets.token_hex(16)
            url = await stack.enter_async_context(http_server(lumen, workspace, token))
            await check_http_access(url, token)
            checks += 1
            session = await stack.enter_async_context(http_session(url, token))
        else:
            session = await stack.enter_async_context(stdio_session(lumen, workspace))
        initialized = await session.initialize()
        instructions = getattr(initialized, "instructions", None) or ""
        assert "list_files" in instructions and "workspace" in instructions, instructions
        checks += 1

        tools = await session.list_tools()
        names = sorted(t.name for t in tools.tools)
        assert names == ["analyze_table", "extract_palette", "gif_to_video", "list_files", "make_chart", "make_gif", "make_heatmap", "render_map_animation"], names
        for tool in tools.tools:
            hints = tool.annotations
            assert tool.title and hints is not None, tool
            assert field(hints, "destructive_hint", "destructiveHint") is False, hints
            assert field(hints, "open_world_hint", "openWorldHint") is False, hints
            read_only = field(hints, "read_only_hint", "readOnlyHint")
            assert read_only is (tool.name == "list_files"), (tool.name, hints)
        schema = field(next(t for t in tools.tools if t.name == "gif_to_video"), "input_schema", "inputSchema")
        assert schema["additionalProperties"] is False and "input" in schema["required"], schema
        for tool in tools.tools:
            output = field(tool, "output_schema", "outputSchema")
            assert output and output["type"] == "object" and output["properties"], (tool.name, output)
        video_output = field(next(t for t in tools.tools if t.name == "gif_to_video"), "output_schema", "outputSchema")
        assert "framesDecoded" in video_output["required"] and "gifLoopCount" not in video_output["required"], video_output
        checks += 1

        # What is in the workspace: list_files and MCP resources.
        listing = await session.call_tool("list_files", {})
        assert not is_error(listing), text_of(listing)
        files = {f["path"]: f for f in structured(listing)["files"]}
        assert sorted(files) == ["demo.gif", "lighthouses-sample.csv", "palette-3colors.png", "tips.csv"], files
        assert files["demo.gif"]["kind"] == "gif" and files["demo.gif"]["width"] == 160 and files["demo.gif"]["frames"] == 24, files
        assert abs(files["demo.gif"]["durationSeconds"] - 2.4) < 1e-9, files
        assert files["palette-3colors.png"]["mimeType"] == "image/png" and files["palette-3colors.png"]["height"] == 10, files
        assert files["lighthouses-sample.csv"]["kind"] == "text", files
        gifs = await session.call_tool("list_files", {"pattern": "*.gif"})
        assert [f["path"] for f in structured(gifs)["files"]] == ["demo.gif"], structured(gifs)
        resources = await session.list_resources()
        by_name = {r.name: r for r in resources.resources}
        assert sorted(by_name) == sorted(files), by_name
        png = by_name["palette-3colors.png"]
        assert field(png, "mime_type", "mimeType") == "image/png" and png.size == files["palette-3colors.png"]["bytes"], png
        read = await session.read_resource(png.uri)
        blob = base64.b64decode(read.contents[0].blob)
        with open(os.path.join(workspace, "palette-3colors.png"), "rb") as f:
            assert blob == f.read()
        csv = await session.read_resource(by_name["lighthouses-sample.csv"].uri)
        assert csv.contents[0].text.startswith("name,"), csv.contents[0]
        try:
            await session.read_resource("file:///etc/passwd")
            raise AssertionError("a resource outside the workspace must be refused")
        except McpError as error:
            assert "outside the workspace" in error.error.message, error.error
        checks += 1

        # Lenient with what a model sends: optional fields may be left out; names are suggested.
        short = await session.call_tool("extract_palette", {"image": "palette-3colors.png", "k": 3})
        assert not is_error(short), text_of(short)
        typo = await session.call_tool("extract_palette", {"image": "Palette-3Colors.png"})
        assert is_error(typo) and 'did you mean "palette-3colors.png"' in text_of(typo), text_of(typo)
        crf = await session.call_tool("gif_to_video", {"input": "demo.gif", "output": "x.mp4", "crf": 60})
        assert is_error(crf) and "crf must be 0–51 for h264" in text_of(crf) and "--" not in text_of(crf), text_of(crf)
        webm = await session.call_tool("gif_to_video", {"input": "demo.gif", "output": "x.webm", "codec": "hevc"})
        assert is_error(webm) and "use codec vp9 or av1 for .webm" in text_of(webm), text_of(webm)
        wrong = await session.call_tool("gif_to_video", {"input": "palette-3colors.png"})
        assert is_error(wrong) and "is a PNG image, not a GIF" in text_of(wrong), text_of(wrong)
        as_gif = await session.call_tool("gif_to_video", {"input": "demo.gif", "output": "again.gif"})
        assert is_error(as_gif) and "writes video, not GIF" in text_of(as_gif), text_of(as_gif)
        itself = await session.call_tool("gif_to_video", {"input": "demo.gif", "output": "demo.gif"})
        assert is_error(itself) and "already exists" in text_of(itself), text_of(itself)
        jpeg = await session.call_tool("extract_palette", {"image": "palette-3colors.png", "swatch": "s.jpg"})
        assert is_error(jpeg) and "must end in .png" in text_of(jpeg), text_of(jpeg)
        red = await session.call_tool("gif_to_video", {"input": "demo.gif", "output": "red.mp4", "background": "red", "preset": "ultrafast"})
        assert not is_error(red), text_of(red)
        os.remove(os.path.join(workspace, "red.mp4"))
        checks += 1

        # Results are checked against the output schema by the client itself.
        palette = await session.call_tool("extract_palette", PALETTE)
        assert not is_error(palette), text_of(palette)
        colors = structured(palette)["palette"]["colors"]
        assert [c["hex"] for c in colors] == ["#e63946", "#2a9d8f", "#264653"], colors
        assert not [c for c in palette.content if getattr(c, "type", "") == "image"], "a preview nobody asked for"
        checks += 1

        shown = await session.call_tool("extract_palette", dict(PALETTE, preview=True))
        images = [c for c in shown.content if getattr(c, "type", "") == "image"]
        assert not is_error(shown) and len(images) == 1, shown.content
        png = base64.b64decode(images[0].data)
        assert field(images[0], "mime_type", "mimeType") == "image/png" and png.startswith(b"\x89PNG") and len(png) < 100_000, len(png)
        checks += 1

        progress = []

        async def on_progress(done, total, message):
            progress.append((done, total))

        video = await session.call_tool("gif_to_video", VIDEO, progress_callback=on_progress)
        assert not is_error(video), text_of(video)
        assert os.path.getsize(os.path.join(workspace, "demo.mp4")) > 1000
        links = [c for c in video.content if getattr(c, "type", "") == "resource_link"]
        assert links and links[0].name == "demo.mp4", video.content
        assert field(links[0], "mime_type", "mimeType") == "video/mp4", links[0]
        assert structured(video)["framesDecoded"] == 24, structured(video)
        await asyncio.sleep(0.2)
        assert progress and progress[-1][0] <= 24, progress
        checks += 1

        lights = await session.call_tool("render_map_animation", MAP)
        assert not is_error(lights), text_of(lights)
        report = structured(lights)
        assert report["pointsDrawn"] == 45 and report["region"] == "usa" and report["frames"] == 20, report
        with open(os.path.join(workspace, "lights.gif"), "rb") as f:
            assert f.read(6) == b"GIF89a"
        links = [c for c in lights.content if getattr(c, "type", "") == "resource_link"]
        images = [c for c in lights.content if getattr(c, "type", "") == "image"]
        assert links and links[0].name == "lights.gif" and len(images) == 1, lights.content
        assert field(links[0], "mime_type", "mimeType") == "image/gif", links[0]
        again = await session.call_tool("render_map_animation", MAP)
        assert is_error(again) and "exist" in text_of(again), text_of(again)
        checks += 1

        chart = await session.call_tool("make_chart", CHART)
        assert not is_error(chart), text_of(chart)
        report = structured(chart)
        assert report["markCount"] == 4 and report["valueTitle"] == "tip (mean)", report
        with open(os.path.join(workspace, "tips.png"), "rb") as f:
            assert f.read(8) == b"\x89PNG\r\n\x1a\n"
        images = [c for c in chart.content if getattr(c, "type", "") == "image"]
        assert len(images) == 1 and "day: Sun" in text_of(chart), chart.content
        typo = await session.call_tool("make_chart", dict(CHART, output="t2.svg", x="dya"))
        assert is_error(typo) and 'did you mean "day"' in text_of(typo), text_of(typo)
        checks += 1

        heatmap = await session.call_tool("make_heatmap", HEATMAP)
        assert not is_error(heatmap), text_of(heatmap)
        report = structured(heatmap)
        assert report["shape"] == "pivot" and report["value_title"] == "mean(tip)", report
        assert report["rows"] == 2 and report["columns"] == 4 and report["rows_read"] == 120 and report["missing_cells"] == 4, report
        with open(os.path.join(workspace, "tips-heatmap.html"), encoding="utf-8") as f:
            page = f.read()
        assert 'class="lumen-heatmap-cells" data-rows="2" data-cols="4"' in page and "https://" not in page
        assert len([c for c in heatmap.content if getattr(c, "type", "") == "image"]) == 1, heatmap.content
        matrix = await session.call_tool("make_heatmap", dict(HEATMAP, output="m.html", x=None, y=None, value=None, agg=None))
        assert is_error(matrix) and 'column "sex" is "Female", not a number' in text_of(matrix), text_of(matrix)
        checks += 1

        analysis = await session.call_tool("analyze_table", {
            "data": "tips.csv", "output": "tips-analysis", "columns": None, "max_charts": 4,
            "exact_limit": None, "sheet": None, "preview": True})
        assert not is_error(analysis), text_of(analysis)
        stats = structured(analysis)["statistics"]
        with open(os.path.join(workspace, "tips.csv"), newline="") as f:
            tips = [float(r["tip"]) for r in csv_module.DictReader(f)]
        tip = next(c for c in stats["columns"] if c["name"] == "tip")
        assert tip["kind"] == "float" and tip["count"] == len(tips), tip
        assert abs(tip["mean"] - statistics.fmean(tips)) < 1e-9 and abs(tip["std"] - statistics.stdev(tips)) < 1e-9, tip
        assert len(stats["charts"]) == 4, stats["charts"]
        links = [c for c in analysis.content if getattr(c, "type", "") == "resource_link"]
        assert any(l.uri.endswith("tips-analysis/report.html") for l in links), analysis.content
        assert len([c for c in analysis.content if getattr(c, "type", "") == "image"]) == 3, analysis.content
        with open(os.path.join(workspace, "tips-analysis", "report.html"), encoding="utf-8") as f:
            assert "http" not in f.read()
        again = await session.call_tool("analyze_table", {
            "data": "tips.csv", "output": "tips-analysis", "columns": None, "max_charts": None,
            "exact_limit": None, "sheet": None, "preview": None})
        assert is_error(again), text_of(again)
        checks += 1

        gif = await session.call_tool("make_gif", {
            "inputs": ["demo.gif"], "output": "demo-small.gif", "width": 32, "speed": 2,
            "reverse": True, "preview": True})
        assert not is_error(gif), text_of(gif)
        made = structured(gif)
        assert made["output"] == "demo-small.gif" and made["width"] == 32 and made["input_kind"] == "gif", made
        assert abs(made["duration_seconds"] - sum(made["delays"]) / 100) < 1e-9, made
        assert len([c for c in gif.content if getattr(c, "type", "") == "image"]) == 1, gif.content
        with open(os.path.join(workspace, "demo-small.gif"), "rb") as f:
            assert f.read(6) == b"GIF89a"
        refused = await session.call_tool("make_gif", {"inputs": ["demo.gif"], "output": "demo-small.gif"})
        assert is_error(refused) and "already exists" in text_of(refused), text_of(refused)
        wrong = await session.call_tool("make_gif", {"inputs": ["demo.gif"], "output": "x.gif", "fps": 120})
        assert is_error(wrong) and "fps" in text_of(wrong), text_of(wrong)
        checks += 1

        bad = await session.call_tool("gif_to_video", dict(VIDEO, input=3, crf=99))
        assert is_error(bad) and "input: expected a string" in text_of(bad) and "crf: 99 is outside" in text_of(bad), text_of(bad)
        checks += 1

        escape = await session.call_tool("extract_palette", dict(PALETTE, image="../../etc/passwd"))
        assert is_error(escape) and "'..' is refused" in text_of(escape), text_of(escape)
        absolute = await session.call_tool("extract_palette", dict(PALETTE, image="/etc/passwd"))
        assert is_error(absolute) and "absolute paths are refused" in text_of(absolute), text_of(absolute)
        checks += 1

        results = await asyncio.gather(*[session.call_tool("extract_palette", PALETTE) for _ in range(20)])
        ok = [r for r in results if not is_error(r)]
        busy = [r for r in results if is_error(r)]
        assert ok, "no call of 20 succeeded"
        assert all(text_of(r).startswith("Error: busy") for r in busy), [text_of(r) for r in busy]
        checks += 1

        # A cancelled call: the client abandons it (sending notifications/cancelled); the
        # server must stop the conversion, leave no file behind, and keep serving.
        long_call = asyncio.ensure_future(session.call_tool(
            "gif_to_video", dict(VIDEO, output="long.mp4", preset="veryslow", loop=1000)))
        await asyncio.sleep(1.0)
        long_call.cancel()
        try:
            await long_call
        except (asyncio.CancelledError, Exception):
            pass
        deadline = asyncio.get_running_loop().time() + 10
        while asyncio.get_running_loop().time() < deadline:
            if not [f for f in os.listdir(workspace) if f.startswith(".long.mp4")]:
                break
            await asyncio.sleep(0.1)
        names = os.listdir(workspace)
        assert "long.mp4" not in names and not [f for f in names if "lumen-tmp" in f], names
        after = await session.call_tool("extract_palette", PALETTE)
        assert not is_error(after), text_of(after)
        checks += 1

        try:
            await session.call_tool("rm_rf", {})
            raise AssertionError("an unknown tool must be a protocol error")
        except McpError as error:
            assert error.error.code == -32602, error.error
        checks += 1

    leftovers = sorted(os.listdir(workspace))
    assert leftovers == ["demo-small.gif", "demo.gif", "demo.mp4", "lighthouses-sample.csv", "lights.gif", "palette-3colors.png", "tips-analysis", "tips-heatmap.html", "tips.csv", "tips.png"], leftovers
    shutil.rmtree(workspace)
    print(f"MCP {transport}: {checks} checks passed ({len(ok)} of 20 concurrent calls ran, {len(busy)} busy)")


async def check_timeouts(lumen, fixtures):
    """Two heavy calls past a 1 s timeout both end as timed out within 2 s and leave no file,
    while tools/list sent meanwhile answers at once (heavy work runs off the cooperative pool)."""
    import time
    workspace = tempfile.mkdtemp(prefix="lumen-mcp-timeout-")
    shutil.copy(os.path.join(fixtures, "demo.gif"), workspace)
    async with stdio_session(lumen, workspace, "--timeout", "1") as session:
        await session.initialize()
        start = time.monotonic()
        slow = [asyncio.ensure_future(session.call_tool(
            "gif_to_video", {"input": "demo.gif", "output": f"slow{i}.mp4", "preset": "veryslow", "loop": 1000}))
            for i in range(2)]
        await asyncio.sleep(0.3)
        listed_at = time.monotonic()
        tools = await session.list_tools()
        listing = time.monotonic() - listed_at
        results = await asyncio.gather(*slow)
        ended = time.monotonic() - start
        assert len(tools.tools) == 8, tools
        assert listing < 0.05, f"tools/list took {listing:.3f} s while two heavy calls ran"
        assert all(is_error(r) and "timed out" in text_of(r) for r in results), [text_of(r) for r in results]
        assert ended < 2.5, f"the timed-out calls ended after {ended:.2f} s"
    leftovers = sorted(os.listdir(workspace))
    assert leftovers == ["demo.gif"], leftovers
    shutil.rmtree(workspace)
    print(f"MCP timeouts: tools/list answered in {listing * 1000:.0f} ms during two heavy calls; both timed out after {ended:.2f} s")


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("stdio", "http"):
        sys.exit(__doc__)
    asyncio.run(run(sys.argv[1], sys.argv[2], sys.argv[3]))
    if sys.argv[1] == "stdio":
        asyncio.run(check_timeouts(sys.argv[2], sys.argv[3]))
