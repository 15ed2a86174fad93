import ArgumentParser
import Foundation

extension Root {
  /// `lumen mcp`: runs the `lumen-mcp` executable installed beside `lumen` in this process's
  /// place (same process, same stdin/stdout, every argument passed on, `--help` included).
  ///
  /// The MCP server is an executable of its own so that the MCP SDK, Hummingbird and
  /// Foundation's networking stay out of the `lumen` that a model starts once per job.
  struct MCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "mcp",
      abstract:
        "Serve Lumen's tools over MCP on stdin/stdout (logs go to stderr), or over HTTP on 127.0.0.1.",
      discussion: "Runs lumen-mcp; see lumen mcp --help.",
      helpNames: [])

    @Argument(parsing: .captureForPassthrough, help: "Passed to lumen-mcp.")
    var arguments: [String] = []

    func run() throws {
      var err = StandardError()
      guard let server = Self.serverExecutable() else {
        err.write(
          "error: the MCP server lumen-mcp is not beside \(Self.ownPath); build it (swift build) "
            + "or reinstall Lumen (scripts/install)\n")
        throw ExitCode(69)  // EX_UNAVAILABLE
      }
      // Interruption ignores SIGINT/SIGTERM in favour of its handlers, and an ignored signal
      // stays ignored across exec: give the server the default behaviour back.
      signal(SIGINT, SIG_DFL)
      signal(SIGTERM, SIG_DFL)
      let argv = ([server] + arguments).map { strdup($0) } + [nil]
      execv(server, argv)
      let reason = String(cString: strerror(errno))
      err.write("error: cannot start the MCP server \(server): \(reason)\n")
      throw ExitCode(69)
    }

    /// `lumen-mcp` in the folder of the running executable (symbolic links resolved, so an
    /// installed `bin/lumen` link finds `lib/lumen/lumen-mcp`).
    static func serverExecutable() -> String? {
      let folder = ownPath.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        .joined(separator: "/")
      let server = (folder.isEmpty ? "." : folder) + "/lumen-mcp"
      return FileManager.default.isExecutableFile(atPath: server) ? server : nil
    }

    /// The running executable's path.
    static var ownPath: String {
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        ?? CommandLine.arguments[0]
    }
  }
}
