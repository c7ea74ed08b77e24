Console.Error.WriteLine("engine benchmark: not written yet"); return 2;
