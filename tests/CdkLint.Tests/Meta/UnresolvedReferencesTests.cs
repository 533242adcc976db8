using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CdkLint.Tests.Meta
{
    /// <summary>
    /// CDK code whose types do not all resolve (a restore that failed half-way, a reference missing): the e-commerce
    /// sample compiled with parts of CDK's assemblies left out. Every analyzer must stay silent or report, never throw.
    /// </summary>
    public class UnresolvedReferencesTests
    {
        [Theory]
        [InlineData("none", false)] // no CDK at all: every CDK type is an error type
        [InlineData("Constructs.dll", false)] // CDK without Constructs: Construct, and with it every construct's base, is unresolved
        [InlineData("Amazon.JSII.Runtime.dll", true)] // CDK types resolve, their jsii base types do not
        public async Task Sample_with_missing_references_analyzes_without_an_exception(string left, bool mayReport)
        {
            var references = left == "none"
                ? CdkReferences.Framework
                : CdkReferences.For(CdkVersion.V2_160).Where(r => !(r.Display ?? string.Empty).EndsWith(left, System.StringComparison.Ordinal)).ToImmutableArray();
            Assert.True(left == "none" || references.Length == CdkReferences.For(CdkVersion.V2_160).Length - 1, "exactly one reference left out");
            var sample = Path.Combine(CdkReferences.RepositoryRoot, "samples", "Ecommerce");
            var trees = Directory.GetFiles(sample, "*.cs").Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f));
            var compilation = CSharpCompilation.Create("Unresolved", trees, references, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
            Assert.Contains(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);

            var (diagnostics, exceptions) = await Catalogue.RunAll(compilation);
            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            if (!mayReport)
            {
                Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("CDK", System.StringComparison.Ordinal));
            }
        }
    }
}
