using System.Reflection;
using FactCheck.Benchmarks;

// Suites are found by reflection so that each lives in its own file and none edits this one.
var suites = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmarkSuite).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmarkSuite)Activator.CreateInstance(t)!)
    .OrderBy(s => s.Name, StringComparer.Ordinal)
    .ToList();

var chosen = args.Length > 0 ? suites.FirstOrDefault(s => s.Name == args[0]) : null;
if (chosen is null)
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/FactCheck.Benchmarks -- <suite> [options]");
    foreach (var suite in suites)
    {
        Console.Error.WriteLine($"  {suite.Name,-12} {suite.Description}");
    }

    return 2;
}

return chosen.Run(args[1..]);
