using System.Linq;
using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CdkLint.Tests.Meta
{
    /// <summary>Every analyzer runs clean, and without a single exception, on empty and unrelated sources.</summary>
    public class SmokeTests
    {
        private const string NonCdk = """
            using System;
            using System.Collections.Generic;
            namespace Shop
            {
                public class Bucket { public string BucketName { get; set; } = "products"; public object RemovalPolicy { get; set; } }
                public class BucketProps { public string BucketName { get; set; } }
                public static class Program
                {
                    public static void Main()
                    {
                        var b = new Bucket { BucketName = "images" };
                        var p = new BucketProps { BucketName = "static-name" };
                        Console.WriteLine(b.BucketName + p.BucketName);
                    }
                }
            }
            """;

        public static TheoryData<string, bool> Sources => new()
        {
            { string.Empty, false },
            { NonCdk, false },
            { string.Empty, true },
            { NonCdk, true },
        };

        [Theory, MemberData(nameof(Sources))]
        public async Task Analyzers_are_silent_and_do_not_throw(string source, bool withCdk)
        {
            var references = withCdk ? CdkReferences.For(CdkVersion.V2_160) : CdkReferences.Framework;
            var compilation = CSharpCompilation.Create(
                "Smoke",
                new[] { CSharpSyntaxTree.ParseText(source) },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var (diagnostics, exceptions) = await Catalogue.RunAll(compilation);
            Assert.Empty(exceptions);
            Assert.Empty(diagnostics.Where(d => d.Id.StartsWith("CDK", System.StringComparison.Ordinal)));
        }
    }
}
