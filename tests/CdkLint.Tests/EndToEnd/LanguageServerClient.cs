using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;

namespace CdkLint.Tests.EndToEnd
{
    /// <summary>
    /// The editor's side of the Language Server Protocol, as much as a test needs: JSON-RPC messages framed by a
    /// `Content-Length` header over the server's stdin/stdout. The server also asks the editor questions (its settings,
    /// progress tokens, capability registrations); <c>answer</c> replies to them, as an editor would.
    /// </summary>
    internal sealed class LanguageServerClient : IDisposable
    {
        /// <summary>A `textDocument/publishDiagnostics` notification and when it arrived.</summary>
        public sealed record Published(TimeSpan At, string Uri, JsonArray Diagnostics);

        private readonly Process _process;
        private readonly Stream _toServer;
        private readonly Func<string, JsonNode?, JsonNode?> _answer;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
        private readonly BlockingCollection<Published> _published = new();
        private readonly Dictionary<string, JsonArray> _latest = new();
        private readonly Queue<string> _serverLog = new();
        private readonly object _writeLock = new();
        private int _nextId;

        private LanguageServerClient(Process process, Func<string, JsonNode?, JsonNode?> answer)
        {
            _process = process;
            _toServer = process.StandardInput.BaseStream;
            _answer = answer;
            process.ErrorDataReceived += (_, e) => Log(e.Data);
            process.BeginErrorReadLine();
            new Thread(ReadMessages) { IsBackground = true, Name = "LSP reader" }.Start();
        }

        public TimeSpan Now => _clock.Elapsed;

        /// <summary>The latest diagnostics published for each document, as far as <see cref="WaitFor"/> has read.</summary>
        public IReadOnlyDictionary<string, JsonArray> Latest => _latest;

        public static LanguageServerClient Start(string fileName, string arguments, string workingDirectory, Func<string, JsonNode?, JsonNode?> answer)
        {
            var info = Processes.StartInfo(fileName, arguments, workingDirectory);
            info.RedirectStandardInput = true;
            var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName} {arguments}");
            return new LanguageServerClient(process, answer);
        }

        public JsonNode? Request(string method, JsonNode? parameters, TimeSpan timeout)
        {
            var id = Interlocked.Increment(ref _nextId);
            var response = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[id] = response;
            Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
            if (!response.Task.Wait(timeout))
            {
                throw new TimeoutException($"{method}: no response from the language server in {timeout.TotalSeconds:F0} s.\n{ServerLog()}");
            }

            return response.Task.Result;
        }

        public void Notify(string method, JsonNode? parameters)
            => Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

        /// <summary>
        /// Reads published diagnostics until, after one of them, <paramref name="holds"/> is true of the latest diagnostics per
        /// document; returns that notification. Only notifications read here count, never the state before the call.
        /// </summary>
        public Published WaitFor(Func<IReadOnlyDictionary<string, JsonArray>, bool> holds, TimeSpan timeout, string expectation)
        {
            var deadline = Now + timeout;
            while (true)
            {
                var left = deadline - Now;
                if (left <= TimeSpan.Zero || !_published.TryTake(out var published, left))
                {
                    var seen = string.Join("\n", _latest.Select(p => $"  {p.Key}: {string.Join(", ", Codes(p.Value))}"));
                    throw new TimeoutException($"Timed out after {timeout.TotalSeconds:F0} s waiting for: {expectation}\n"
                        + $"Latest diagnostics per document:\n{(seen.Length == 0 ? "  none published" : seen)}\n{ServerLog()}");
                }

                _latest[published.Uri] = published.Diagnostics;
                if (holds(_latest))
                {
                    return published;
                }
            }
        }

        /// <summary>
        /// An orderly `shutdown` and `exit`, then the whole process tree killed whatever happened: `dotnet tool run`
        /// starts the server as a child, and the server starts MSBuild build hosts to load projects.
        /// </summary>
        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    var id = Interlocked.Increment(ref _nextId);
                    var response = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
                    _pending[id] = response;
                    Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = "shutdown" });
                    response.Task.Wait(TimeSpan.FromSeconds(10));
                    Notify("exit", null);
                    _process.WaitForExit(5000);
                }
            }
            catch (Exception e) when (e is IOException or AggregateException or InvalidOperationException)
            {
                // The server is gone or not answering: the kill below ends it.
            }
            finally
            {
                try
                {
                    _process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Already exited.
                }

                _process.Dispose();
            }
        }

        public string ServerLog()
        {
            lock (_serverLog)
            {
                return "Language server log (latest lines):\n" + string.Join("\n", _serverLog);
            }
        }

        public static IEnumerable<string> Codes(JsonArray diagnostics)
            => diagnostics.Select(d => d!["code"]?.ToString() ?? "?").GroupBy(c => c).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}");

        private void Log(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_serverLog)
            {
                _serverLog.Enqueue(line);
                while (_serverLog.Count > 60)
                {
                    _serverLog.Dequeue();
                }
            }
        }

        private void Send(JsonObject message)
        {
            var body = Encoding.UTF8.GetBytes(message.ToJsonString());
            var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
            lock (_writeLock)
            {
                _toServer.Write(header);
                _toServer.Write(body);
                _toServer.Flush();
            }
        }

        private void ReadMessages()
        {
            var input = _process.StandardOutput.BaseStream;
            try
            {
                while (ReadMessage(input) is { } message)
                {
                    Dispatch(message);
                }
            }
            catch (IOException)
            {
                // The server closed its output.
            }
            finally
            {
                Log("(the language server closed its output)");
                _published.CompleteAdding();
                foreach (var pending in _pending.Values)
                {
                    pending.TrySetException(new IOException("the language server exited"));
                }
            }
        }

        private void Dispatch(JsonNode message)
        {
            var method = message["method"]?.GetValue<string>();
            var id = message["id"];
            if (method is not null && id is not null)
            {
                Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = _answer(method, message["params"]) });
            }
            else if (method == "textDocument/publishDiagnostics")
            {
                var parameters = message["params"]!;
                _published.Add(new Published(Now, parameters["uri"]!.GetValue<string>(), parameters["diagnostics"]!.AsArray()));
            }
            else if (method == "window/logMessage")
            {
                Log(message["params"]?["message"]?.ToString());
            }
            else if (method is null && id is not null && _pending.TryRemove(id.GetValue<int>(), out var response))
            {
                if (message["error"] is { } error)
                {
                    response.SetException(new InvalidOperationException("the language server answered with an error: " + error.ToJsonString()));
                }
                else
                {
                    response.SetResult(message["result"]);
                }
            }
        }

        /// <summary>One message: header lines up to an empty line, then exactly Content-Length bytes of UTF-8 JSON.</summary>
        private static JsonNode? ReadMessage(Stream input)
        {
            var length = -1;
            while (ReadHeaderLine(input) is { } line)
            {
                if (line.Length == 0)
                {
                    var body = new byte[length];
                    input.ReadExactly(body);
                    return JsonNode.Parse(body);
                }

                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(line.Substring("Content-Length:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            return null;
        }

        private static string? ReadHeaderLine(Stream input)
        {
            var line = new StringBuilder();
            while (true)
            {
                var b = input.ReadByte();
                if (b < 0)
                {
                    return null;
                }

                if (b == '\n')
                {
                    return line.ToString().TrimEnd('\r');
                }

                line.Append((char)b);
            }
        }
    }
}
