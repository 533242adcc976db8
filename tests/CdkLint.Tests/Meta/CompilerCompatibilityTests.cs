using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace CdkLint.Tests.Meta
{
    /// <summary>
    /// The oldest supported compiler: Visual Studio 2022 17.8 and the .NET 8 SDK ship Microsoft.CodeAnalysis 4.8. An
    /// analyzer that references a newer Roslyn fails to load there (CS8032), so the shipped assemblies must reference
    /// nothing newer, and the tests themselves run on 4.8.0.
    /// </summary>
    public class CompilerCompatibilityTests
    {
        private static readonly Version Floor = new(4, 8, 0, 0);

        [Theory]
        [InlineData(typeof(CdkLint.Rules.HardcodedPhysicalNameAnalyzer))]
        [InlineData(typeof(CdkLint.CodeFixes.Rules.HardcodedPhysicalNameFixer))]
        public void Shipped_assemblies_reference_no_roslyn_newer_than_4_8(Type typeInAssembly)
        {
            using var stream = File.OpenRead(typeInAssembly.Assembly.Location);
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            var roslyn = reader.AssemblyReferences
                .Select(h => reader.GetAssemblyReference(h))
                .Select(r => (Name: reader.GetString(r.Name), r.Version))
                .Where(r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                .ToList();
            Assert.NotEmpty(roslyn);
            Assert.All(roslyn, r => Assert.True(r.Version <= Floor, $"{Path.GetFileName(typeInAssembly.Assembly.Location)} references {r.Name} {r.Version}"));
        }

        [Fact]
        public void Tests_run_on_roslyn_4_8()
            => Assert.Equal(Floor, typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version);
    }
}
