import LumenCLI

Log.bootstrap()
// Ctrl-C and SIGTERM remove the outputs of calls still running, as in every lumen command.
Interruption.install()
await MCPServerCommand.start()
