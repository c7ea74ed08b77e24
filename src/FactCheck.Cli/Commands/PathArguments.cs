using System.CommandLine;
using System.CommandLine.Parsing;
using FactCheck.Claims.Diagnostics;

namespace FactCheck.Cli.Commands;

/// <summary>
/// Path arguments take any word, so an option the command does not have (<c>validate --claims claims</c>, as for
/// <c>check</c>, or a misspelt <c>--no-cach</c>) would be read as a path: reported as a missing file, or, for
/// <c>rules export</c>, made into a folder. A word starting with '-' that names no file is a usage error instead.
/// </summary>
internal static class PathArguments
{
    /// <param name="argument">The command's path argument.</param>
    /// <param name="command">The command as typed: <c>factcheck validate</c>.</param>
    /// <param name="example">Its path given as meant, for the message: <c>claims/</c>.</param>
    public static void RefuseUnknownOptions(Argument argument, string command, string example)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                var word = token.Value;

                // "-" alone, and a file whose name starts with '-' (given after "--"), are paths.
                if (word.Length < 2 || word[0] != '-' || Path.Exists(Path.Combine(CliContext.WorkingDirectory, word))) continue;

                var options = result.Parent is CommandResult parent
                    ? parent.Command.Options.Where(o => !o.Hidden && o.Name.StartsWith("--", StringComparison.Ordinal)).Select(o => o.Name).ToList()
                    : [];
                var known = options.Count == 0 ? "it has none" : $"its options: {string.Join(", ", options)}";
                result.AddError($"'{word}' is not an option of '{command}'{Suggestions.DidYouMean(word, options)} ({known}; a path is given without one: {command} {example})");
            }
        });
    }
}
