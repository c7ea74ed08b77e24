using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using FactCheck.Claims.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace FactCheck.Claims.Loading;

/// <summary>
/// Scanner tokens handed from the thread that scans files to the thread that builds and binds their trees, in
/// batches, file after file. The scan (YamlDotNet's part) and the tree and binding (ours) then run side by side
/// on two cores; two scanners cannot, as they contend on YamlDotNet's process-wide string builder pool.
/// </summary>
internal sealed class TokenPipeline : IDisposable
{
    private const int BatchSize = 512;

    // A bounded queue keeps the scanner at most this many batches ahead, so tokens do not pile up.
    private readonly BlockingCollection<Batch> _queue = new(boundedCapacity: 64);

    /// <summary>The file whose reader stopped early (a syntax error, nesting too deep): its scan stops too.</summary>
    private int _abandoned = -1;

    /// <summary>Producer: scans one file to its end (or its first error) and queues its tokens.</summary>
    /// <param name="diagnostics">The file's problems: those found reading it, then (by the consumer) parsing and binding it.</param>
    public void Scan(int fileIndex, List<Diagnostic> diagnostics, TextReader? text, CancellationToken cancel)
    {
        var batch = new Batch(fileIndex, diagnostics);
        if (text is not null)
        {
            var scanner = new Scanner(text, skipComments: true);
            try
            {
                // Hostile input can make each token cost more than the last (100,000 nested '['): when the reader
                // has given up on the file, so does the scan.
                while (Volatile.Read(ref _abandoned) != fileIndex && scanner.MoveNext())
                {
                    batch.Tokens.Add(scanner.Current!);
                    if (batch.Tokens.Count < BatchSize) continue;
                    _queue.Add(batch, cancel);
                    batch = new Batch(fileIndex, diagnostics);
                }
            }
            catch (Exception ex) when (ex is YamlException or InvalidOperationException)
            {
                // Rethrown to the reader where the direct scan would have thrown it, after the tokens before it.
                batch.Failure = ExceptionDispatchInfo.Capture(ex);
            }
        }

        batch.EndOfFile = true;
        batch.Unreadable = text is null;
        _queue.Add(batch, cancel);
    }

    public void CompleteAdding() => _queue.CompleteAdding();

    /// <summary>Consumer: the tokens of the next file, which must be <paramref name="fileIndex"/>.</summary>
    public FileTokens Next(int fileIndex) => new(this, fileIndex);

    public void Dispose() => _queue.Dispose();

    private Batch Take(int fileIndex)
    {
        if (!_queue.TryTake(out var batch, Timeout.Infinite)) throw new EndedEarlyException();
        if (batch.FileIndex != fileIndex) throw new InvalidOperationException($"token pipeline out of order: file {batch.FileIndex} where {fileIndex} was expected");
        return batch;
    }

    /// <summary>The scanning side stopped before the file the reader waits for (it failed: see its task).</summary>
    internal sealed class EndedEarlyException() : Exception("the scanning thread stopped early");

    private sealed class Batch(int fileIndex, List<Diagnostic> diagnostics)
    {
        public readonly int FileIndex = fileIndex;
        public readonly List<Diagnostic> Diagnostics = diagnostics;
        public readonly List<Token> Tokens = new(BatchSize);
        public ExceptionDispatchInfo? Failure;
        public bool EndOfFile;

        /// <summary>The file could not be read (the error is in the diagnostics): nothing to parse.</summary>
        public bool Unreadable;
    }

    /// <summary>One file's tokens, as a scanner: what the tree reader reads from.</summary>
    internal sealed class FileTokens(TokenPipeline pipeline, int fileIndex) : IScanner
    {
        private Batch? _batch;
        private int _position = -1;
        private bool _ended;

        public Token? Current { get; private set; }

        /// <summary>The file's diagnostics list (waits for the file's first batch).</summary>
        public List<Diagnostic> Diagnostics => (_batch ??= pipeline.Take(fileIndex)).Diagnostics;

        /// <summary>False when the file could not be read (waits for the file's first batch).</summary>
        public bool Readable => !(_batch ??= pipeline.Take(fileIndex)).Unreadable;

        public Mark CurrentPosition => Current?.Start ?? Mark.Empty;

        public bool MoveNext()
        {
            while (true)
            {
                if (_ended) return false;
                if (_batch is not null && ++_position < _batch.Tokens.Count)
                {
                    Current = _batch.Tokens[_position];
                    return true;
                }

                if (_batch is { EndOfFile: true })
                {
                    _ended = true;
                    Current = null;
                    _batch.Failure?.Throw();
                    return false;
                }

                _batch = pipeline.Take(fileIndex);
                _position = -1;
            }
        }

        // The tree reader only calls MoveNext and Current; these complete IScanner for a reader that takes each token as
        // it comes (nothing is held back, so moving on is consuming).
        public bool MoveNextWithoutConsuming() => MoveNext();

        public void ConsumeCurrent() { }

        /// <summary>Takes what the reader left unread (it stops at a syntax error), so the next file starts clean.</summary>
        public void Drain()
        {
            if (!_ended) Volatile.Write(ref pipeline._abandoned, fileIndex);
            while (!_ended && !(_batch?.EndOfFile ?? false)) _batch = pipeline.Take(fileIndex);
            _ended = true;
        }
    }
}
