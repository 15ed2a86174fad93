import LumenCLI

Log.bootstrap(lazily: true)
await Root.start()
