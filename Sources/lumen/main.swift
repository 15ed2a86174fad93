import LumenCLI

Log.bootstrap()
Root.start()
