using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CdkLint.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CdkLint.Tests.Meta
{
    /// <summary>
    /// Every CDK name the analyzers and fixers spell out (a type, or a type's member such as
    /// <c>Amazon.CDK.AWS.Lambda.Tracing.ACTIVE</c>) exists in at least one of the CDK versions the tests carry: a misspelt
    /// name resolves to nothing, and the rule that asks for it would go quiet without any test noticing.
    /// </summary>
    public class CdkNamesTests
    {
        [Fact]
        public void Every_cdk_name_in_the_source_resolves_in_some_cdk_version()
        {
            var sources = new[] { "src/Analyzers", "src/CodeFixes" }
                .SelectMany(d => Directory.GetFiles(Path.Combine(CdkReferences.RepositoryRoot, d), "*.cs", SearchOption.AllDirectories))
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
            var names = sources
                .SelectMany(f => Regex.Matches(File.ReadAllText(f), "(?:global::)?(Amazon\\.CDK\\.[A-Za-z0-9_.]+)").Select(m => m.Groups[1].Value.TrimEnd('.')))
                .Where(n => !n.EndsWith(".dll", StringComparison.Ordinal) && n != "Amazon.CDK.Lib")
                .Distinct()
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToList();
            Assert.True(names.Count > 50, "the source names CDK types: " + names.Count);

            var compilations = new[] { CdkVersion.V2_103, CdkVersion.V2_160, CdkVersion.V2_277 }
                .Select(v => CSharpCompilation.Create("Names" + v, references: CdkReferences.For(v)))
                .ToList();
            var unresolved = names.Where(name => !compilations.Any(c => Resolves(c, name))).ToList();
            Assert.True(unresolved.Count == 0, "names that no CDK version has:\n" + string.Join("\n", unresolved));
        }

        /// <summary>A namespace, a type (nested ones too), or a member of a type.</summary>
        private static bool Resolves(Compilation compilation, string name)
        {
            if (Type(compilation, name) is not null || IsNamespace(compilation, name))
            {
                return true;
            }

            var dot = name.LastIndexOf('.');
            return dot > 0 && Type(compilation, name.Substring(0, dot)) is { } owner && !owner.GetMembers(name.Substring(dot + 1)).IsEmpty;
        }

        private static INamedTypeSymbol? Type(Compilation compilation, string name)
        {
            if (compilation.GetTypeByMetadataName(name) is { } type)
            {
                return type;
            }

            var dot = name.LastIndexOf('.');
            return dot > 0 ? compilation.GetTypeByMetadataName(name.Substring(0, dot) + "+" + name.Substring(dot + 1)) : null;
        }

        private static bool IsNamespace(Compilation compilation, string name)
        {
            INamespaceSymbol? current = compilation.GlobalNamespace;
            foreach (var part in name.Split('.'))
            {
                current = current?.GetNamespaceMembers().FirstOrDefault(n => n.Name == part);
            }

            return current is not null;
        }
    }
}
