import LumenCLI

Log.bootstrap()
await Root.start()
