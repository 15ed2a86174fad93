import LumenCLI

Log.bootstrap()
Root.main()
