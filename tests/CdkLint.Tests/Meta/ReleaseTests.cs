using System.IO;
using System.Text.RegularExpressions;
using CdkLint.Tests.Infrastructure;
using Xunit;

namespace CdkLint.Tests.Meta
{
    /// <summary>One version, set in eng/Version.props; the changelog says what it added; shipped rules move on release.</summary>
    public class ReleaseTests
    {
        private static string Version()
            => Regex.Match(File.ReadAllText(Path.Combine(CdkReferences.RepositoryRoot, "eng", "Version.props")), "<CdkLintVersion>([^<]+)</CdkLintVersion>").Groups[1].Value;

        [Fact]
        public void The_changelog_has_an_entry_for_the_current_version()
        {
            var version = Version();
            Assert.NotEmpty(version);
            Assert.Matches(new Regex("^## " + Regex.Escape(version) + @"( |$)", RegexOptions.Multiline), File.ReadAllText(Path.Combine(CdkReferences.RepositoryRoot, "CHANGELOG.md")));
        }

        [Fact]
        public void A_released_version_has_moved_its_rules_to_the_shipped_list()
        {
            var version = Version();
            var changelog = File.ReadAllText(Path.Combine(CdkReferences.RepositoryRoot, "CHANGELOG.md"));
            var released = !Regex.IsMatch(changelog, "^## " + Regex.Escape(version) + @" \(unreleased\)", RegexOptions.Multiline);
            var shipped = File.ReadAllText(Path.Combine(CdkReferences.RepositoryRoot, "src", "Analyzers", "AnalyzerReleases.Shipped.md"));
            Assert.Equal(released, shipped.Contains("## Release " + version));
        }
    }
}
