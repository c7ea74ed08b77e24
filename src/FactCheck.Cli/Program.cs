namespace FactCheck.Cli;

internal static class Program
{
    public static int Main(string[] args) => FactCheckApp.Run(args, Console.Out, Console.Error);
}
