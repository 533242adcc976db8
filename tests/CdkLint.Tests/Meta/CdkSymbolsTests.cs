using CdkLint.Cdk;
using CdkLint.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CdkLint.Tests.Meta
{
    /// <summary>The symbol table: rules whose premise depends on the CDK version (feature flags, deprecated APIs) read it here.</summary>
    public class CdkSymbolsTests
    {
        [Theory, CdkVersions]
        public void Reads_the_referenced_cdk_version(CdkVersion version)
        {
            var compilation = CSharpCompilation.Create("Versions", references: CdkReferences.For(version));
            var symbols = CdkSymbols.Get(compilation);
            Assert.NotNull(symbols);
            var expected = System.Version.Parse(CdkReferences.PackageVersion(version));
            Assert.Equal((expected.Major, expected.Minor), (symbols!.CdkVersion.Major, symbols.CdkVersion.Minor));
        }

        [Fact]
        public void Is_null_without_cdk()
            => Assert.Null(CdkSymbols.Get(CSharpCompilation.Create("NoCdk", references: CdkReferences.Framework)));
    }
}
