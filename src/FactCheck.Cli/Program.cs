namespace FactCheck.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        JitProfile.Start(args);
        Commands.CacheOption.UseUserCache = true;
        Serving.ServerFolder.UseUserFolder = true;
        return FactCheckApp.Run(args, Console.Out, Console.Error);
    }
}
