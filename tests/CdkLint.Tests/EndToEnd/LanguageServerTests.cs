using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using CdkLint.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace CdkLint.Tests.EndToEnd
{
    /// <summary>
    /// "Squiggles while you type", in a real editor's language server: csharp-ls 0.28.0 (the repository's local dotnet
    /// tool) loads the e-commerce sample with CdkLint from its package, publishes CdkLint's findings with their IDs,
    /// severities and help links, and updates them as the table's removal policy is edited.
    /// </summary>
    [Trait("Category", "EndToEnd")]
    public class LanguageServerTests
    {
        /// <summary>Loading the project (a design-time build) and the first analysis: seconds locally, generous for CI.</summary>
        private static readonly TimeSpan FirstDiagnostics = TimeSpan.FromMinutes(3);

        /// <summary>An edit is analysed in well under a second locally; the bound only keeps a hung server from hanging CI.</summary>
        private static readonly TimeSpan AfterEdit = TimeSpan.FromSeconds(60);

        private readonly ITestOutputHelper _output;

        public LanguageServerTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void Csharp_ls_publishes_CdkLint_findings_and_updates_them_as_the_removal_policy_is_edited()
        {
            var (code, restoreOutput) = Processes.Run("dotnet", "tool restore", CdkReferences.RepositoryRoot);
            Assert.True(code == 0, "dotnet tool restore (csharp-ls, from .config/dotnet-tools.json) failed:\n" + restoreOutput);

            var dir = SampleFixTests.CopySample();
            try
            {
                // csharp-ls loads projects as they are on disk and does not restore them: without project.assets.json
                // the project has no analyzer references at all.
                (code, restoreOutput) = Processes.Run("dotnet", "restore Ecommerce.csproj", dir);
                Assert.True(code == 0, restoreOutput);
                Run(dir);
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        private void Run(string dir)
        {
            var stackUri = new Uri(Path.Combine(dir, "EcommerceStack.cs")).AbsoluteUri;
            var programUri = new Uri(Path.Combine(dir, "Program.cs")).AbsoluteUri;
            var stackText = File.ReadAllText(Path.Combine(dir, "EcommerceStack.cs"));

            // The server runs from the repository root, where `dotnet tool run` finds the tool manifest; the workspace
            // it loads is the sample copy named in `initialize`.
            using var server = LanguageServerClient.Start("dotnet", "tool run csharp-ls", CdkReferences.RepositoryRoot, AnswerServerRequest);

            var initialized = server.Request("initialize", InitializeParams(dir), TimeSpan.FromSeconds(60));
            Assert.Equal("csharp-ls", initialized?["serverInfo"]?["name"]?.ToString());
            _output.WriteLine($"server: {initialized?["serverInfo"]?.ToJsonString()}");

            var started = server.Now;
            server.Notify("initialized", new JsonObject());
            server.Notify("textDocument/didOpen", DidOpen(stackUri, stackText));
            server.Notify("textDocument/didOpen", DidOpen(programUri, File.ReadAllText(Path.Combine(dir, "Program.cs"))));

            // The same findings the build reports on the sample (SampleFixTests counts them in the SARIF log).
            var expected = SampleFixTests.ExpectedBefore.Where(e => Catalogue.Descriptors.Any(d => d.Id == e.Key)).ToDictionary(e => e.Key, e => e.Value);
            var first = server.WaitFor(
                latest => latest.TryGetValue(stackUri, out _) && latest.TryGetValue(programUri, out _)
                    && expected.All(e => CdkLintFindings(latest).Count(d => Code(d) == e.Key) == e.Value),
                FirstDiagnostics,
                "the sample's CdkLint findings in both open documents: " + string.Join(", ", expected.Select(e => $"{e.Key}×{e.Value}")));
            _output.WriteLine($"project loaded and first CdkLint diagnostics published: {(first.At - started).TotalSeconds:F1} s after `initialized`");

            // Each finding as an editor shows it: the rule ID as the code, the rule's severity, and its page as the link.
            foreach (var diagnostic in CdkLintFindings(server.Latest))
            {
                var id = Code(diagnostic);
                var descriptor = Catalogue.Descriptors.Single(d => d.Id == id);
                Assert.True(LspSeverity(descriptor.DefaultSeverity) == diagnostic["severity"]?.GetValue<int>(), $"{id}: severity {diagnostic["severity"]}, expected {LspSeverity(descriptor.DefaultSeverity)} ({descriptor.DefaultSeverity})");
                Assert.Equal(CdkLint.Descriptors.HelpLink(id), diagnostic["codeDescription"]?["href"]?.ToString());
            }

            // The products table is created with RemovalPolicy.DESTROY: CDK1002 reports it on that line.
            var policyLine = LineOf(stackText, stackText.IndexOf("RemovalPolicy.DESTROY", stackText.IndexOf("\"ProductsTable\"", StringComparison.Ordinal), StringComparison.Ordinal));
            var policyColumn = stackText.Split('\n')[policyLine].IndexOf("DESTROY", StringComparison.Ordinal);
            bool TableFinding(IReadOnlyDictionary<string, JsonArray> latest)
                => latest[stackUri].Any(d => Code(d) == "CDK1002" && d!["range"]!["start"]!["line"]!.GetValue<int>() == policyLine);
            Assert.True(TableFinding(server.Latest), $"CDK1002 is not reported on line {policyLine + 1} (RemovalPolicy.DESTROY on the products table)");

            // Typing RETAIN over DESTROY, as an editor sends it: an incremental change (csharp-ls registers
            // textDocument/didChange with incremental sync). Keeping the table removes the finding.
            var edited = Edit(server, stackUri, 2, policyLine, policyColumn, "DESTROY".Length, "RETAIN");
            var removed = server.WaitFor(latest => !TableFinding(latest), AfterEdit, $"CDK1002 gone from line {policyLine + 1} after RemovalPolicy.RETAIN");
            var removedAfter = removed.At - edited;

            // Back to DESTROY: the violation is introduced again and the finding comes back.
            edited = Edit(server, stackUri, 3, policyLine, policyColumn, "RETAIN".Length, "DESTROY");
            var introduced = server.WaitFor(TableFinding, AfterEdit, $"CDK1002 back on line {policyLine + 1} after RemovalPolicy.DESTROY");
            var introducedAfter = introduced.At - edited;
            _output.WriteLine($"edit to diagnostics: finding removed after {removedAfter.TotalMilliseconds:F0} ms, introduced after {introducedAfter.TotalMilliseconds:F0} ms");

            // csharp-ls offers code actions from Roslyn's own assemblies only, never an analyzer package's fixers: on this
            // finding it lists refactorings, not CdkLint's fix (the one action that would write RemovalPolicy.RETAIN).
            var finding = server.Latest[stackUri].First(d => Code(d) == "CDK1002" && d!["range"]!["start"]!["line"]!.GetValue<int>() == policyLine)!;
            var actions = server.Request("textDocument/codeAction", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = stackUri },
                ["range"] = finding["range"]!.DeepClone(),
                ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(finding.DeepClone()) },
            }, AfterEdit)?.AsArray() ?? new JsonArray();
            var titles = actions.Select(a => a!["title"]?.ToString() ?? string.Empty).ToList();
            _output.WriteLine("code actions on the CDK1002 finding: " + string.Join(" | ", titles));
            Assert.DoesNotContain(titles, t => t.Contains("RETAIN", StringComparison.Ordinal));
        }

        /// <summary>
        /// What csharp-ls asks its editor. It reads its settings only through `workspace/configuration` (section
        /// "csharp"; initializationOptions are not read), and Roslyn analyzers, CdkLint included, run only when
        /// `analyzersEnabled` is true: without it the sample shows no CdkLint diagnostic at all. Capability
        /// registrations and progress tokens only need an answer.
        /// </summary>
        private static JsonNode? AnswerServerRequest(string method, JsonNode? parameters)
            => method == "workspace/configuration"
                ? new JsonArray(parameters!["items"]!.AsArray().Select(_ => (JsonNode?)new JsonObject { ["analyzersEnabled"] = true }).ToArray())
                : null;

        /// <summary>
        /// An editor that supports configuration requests and pushed diagnostics with help links. It must not announce
        /// pull diagnostics (textDocument.diagnostic): csharp-ls then stops pushing and waits to be asked.
        /// </summary>
        private static JsonObject InitializeParams(string dir) => new()
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = new Uri(dir).AbsoluteUri,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = new Uri(dir).AbsoluteUri, ["name"] = "Ecommerce" }),
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true },
                ["textDocument"] = new JsonObject
                {
                    ["synchronization"] = new JsonObject { ["dynamicRegistration"] = true },
                    ["publishDiagnostics"] = new JsonObject { ["codeDescriptionSupport"] = true },
                    ["codeAction"] = new JsonObject(),
                },
                ["window"] = new JsonObject { ["workDoneProgress"] = true },
            },
        };

        private static JsonObject DidOpen(string uri, string text) => new()
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
        };

        /// <summary>Replaces <paramref name="length"/> characters at a position; returns when the change was sent.</summary>
        private static TimeSpan Edit(LanguageServerClient server, string uri, int version, int line, int column, int length, string text)
        {
            var sent = server.Now;
            server.Notify("textDocument/didChange", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
                ["contentChanges"] = new JsonArray(new JsonObject
                {
                    ["range"] = new JsonObject
                    {
                        ["start"] = new JsonObject { ["line"] = line, ["character"] = column },
                        ["end"] = new JsonObject { ["line"] = line, ["character"] = column + length },
                    },
                    ["text"] = text,
                }),
            });
            return sent;
        }

        private static IEnumerable<JsonNode> CdkLintFindings(IReadOnlyDictionary<string, JsonArray> latest)
            => latest.Values.SelectMany(a => a).Where(d => Catalogue.Descriptors.Any(x => x.Id == Code(d)))!;

        private static string Code(JsonNode? diagnostic) => diagnostic?["code"]?.ToString() ?? string.Empty;

        /// <summary>LSP's DiagnosticSeverity: 1 Error, 2 Warning, 3 Information, 4 Hint (Roslyn's hidden).</summary>
        private static int LspSeverity(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => 1,
            DiagnosticSeverity.Warning => 2,
            DiagnosticSeverity.Info => 3,
            _ => 4,
        };

        private static int LineOf(string text, int offset) => text.Take(offset).Count(c => c == '\n');
    }
}
