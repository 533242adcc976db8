using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CdkLint.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CdkLint.Tests.Meta
{
    /// <summary>
    /// The catalogue stays whole: every descriptor has its doc page, README row, release-tracking line and help link.
    /// The README table is generated from the descriptors; set CDKLINT_UPDATE_DOCS=1 to rewrite it.
    /// </summary>
    public class CatalogueTests
    {
        private static readonly string[] Categories =
        {
            "CdkLint.Deployment", "CdkLint.Security", "CdkLint.Performance", "CdkLint.Observability", "CdkLint.Correctness", "CdkLint.Policy",
        };

        public static IEnumerable<object[]> Ids => Catalogue.Descriptors.Select(d => new object[] { d.Id });

        /// <summary>The concept rules (CDKnnnn); the AwsSolutions pack's CDKN_x descriptors are held by PackCatalogueTests.</summary>
        public static IEnumerable<object[]> ConceptIds => Catalogue.Descriptors.Where(d => !d.Id.StartsWith("CDKN_", StringComparison.Ordinal)).Select(d => new object[] { d.Id });

        public static IEnumerable<object[]> SuppressionIds => Catalogue.Suppressions.Select(d => new object[] { d.Id });

        [Fact]
        public void The_catalogue_is_not_empty() => Assert.NotEmpty(Catalogue.Descriptors);

        [Theory, MemberData(nameof(ConceptIds))]
        public void Descriptor_is_well_formed(string id)
        {
            var d = Catalogue.Descriptors.Single(x => x.Id == id);
            Assert.Matches("^CDK[0-9]{4}$", d.Id);
            Assert.Contains(d.Category, Categories);
            Assert.Equal($"https://github.com/cdklint/cdklint/blob/main/docs/rules/{id}.md", d.HelpLinkUri);
            Assert.False(string.IsNullOrWhiteSpace(d.Title.ToString()));
            Assert.False(string.IsNullOrWhiteSpace(d.Description.ToString()));
            Assert.True(d.IsEnabledByDefault);
        }

        [Theory, MemberData(nameof(SuppressionIds))]
        public void Suppression_is_well_formed(string id)
        {
            var d = Catalogue.Suppressions.Single(x => x.Id == id);
            Assert.Matches("^CDKS[0-9]{3}$", d.Id);
            Assert.Matches("^[A-Z]+[0-9]+$", d.SuppressedDiagnosticId);
            Assert.False(string.IsNullOrWhiteSpace(d.Justification.ToString()));
            Assert.Single(Catalogue.Suppressions, x => x.Id == id);
        }

        [Theory, MemberData(nameof(Ids)), MemberData(nameof(SuppressionIds))]
        public void Descriptor_has_a_doc_page(string id)
        {
            var page = Path.Combine(CdkReferences.RepositoryRoot, "docs", "rules", id + ".md");
            Assert.True(File.Exists(page), $"{page} is missing");
            var text = File.ReadAllText(page);
            Assert.StartsWith($"# {id}: ", text);
            Assert.Contains("suppress", text, StringComparison.OrdinalIgnoreCase);
        }

        public static IEnumerable<object[]> Options => CdkLint.Cdk.OptionKeys.All.Select(o => new object[] { o.Page, o.Rule, o.Key });

        [Theory, MemberData(nameof(Options))]
        public void Every_option_is_named_on_its_rules_page(string pageId, string rule, string key)
        {
            var page = File.ReadAllText(Path.Combine(CdkReferences.RepositoryRoot, "docs", "rules", pageId + ".md"));
            Assert.True(page.Contains("cdklint." + rule + "." + key, StringComparison.Ordinal) || page.Contains("cdklint." + key, StringComparison.Ordinal),
                $"docs/rules/{pageId}.md does not name the option cdklint.{rule}.{key}");
        }

        /// <summary>Option keys are declared once, in OptionKeys: a key written as a literal at a call would escape the page check.</summary>
        [Fact]
        public void Option_keys_are_not_written_as_literals_where_they_are_read()
        {
            var calls = new System.Text.RegularExpressions.Regex(@"(TryGetOption|TryGetNumberOption|GetBool)\([^;()]*?""[a-z_]+""");
            var offenders = Directory.GetFiles(Path.Combine(CdkReferences.RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .Where(f => calls.IsMatch(File.ReadAllText(f)))
                .ToList();
            Assert.Empty(offenders);
        }

        [Theory, MemberData(nameof(Ids))]
        public void Descriptor_has_a_release_tracking_line(string id)
        {
            var folder = Path.Combine(CdkReferences.RepositoryRoot, "src", "Analyzers");
            var lines = File.ReadAllLines(Path.Combine(folder, "AnalyzerReleases.Shipped.md"))
                .Concat(File.ReadAllLines(Path.Combine(folder, "AnalyzerReleases.Unshipped.md")))
                .Concat(File.ReadAllLines(Path.Combine(folder, "AnalyzerReleases.Pack.md")));
            var d = Catalogue.Descriptors.Single(x => x.Id == id);
            var severity = d.IsEnabledByDefault ? d.DefaultSeverity.ToString() : "Disabled";
            Assert.Contains(lines, l => l.StartsWith($"{id} | {d.Category} | {severity} |", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("README.md", "docs/rules/")]
        [InlineData("docs/rules/README.md", "")]
        public void Readme_rules_table_matches_the_descriptors(string file, string linkPrefix)
        {
            var readme = Path.Combine(CdkReferences.RepositoryRoot, file);
            var text = File.ReadAllText(readme);
            const string start = "<!-- rules:start -->";
            const string end = "<!-- rules:end -->";
            var from = text.IndexOf(start, StringComparison.Ordinal);
            var to = text.IndexOf(end, StringComparison.Ordinal);
            Assert.True(from >= 0 && to > from, $"README.md needs the markers {start} and {end}");
            var expected = RulesTable(linkPrefix);
            var actual = text.Substring(from + start.Length, to - from - start.Length);
            if (actual != expected && Environment.GetEnvironmentVariable("CDKLINT_UPDATE_DOCS") == "1")
            {
                File.WriteAllText(readme, text.Substring(0, from + start.Length) + expected + text.Substring(to));
                return;
            }

            Assert.Equal(expected, actual);
        }

        [Fact]
        public void Every_fixer_supports_fix_all_and_fixes_a_shipped_rule()
        {
            Assert.NotEmpty(Catalogue.Fixers);
            var ids = Catalogue.Descriptors.Select(d => d.Id).ToHashSet();
            foreach (var fixer in Catalogue.Fixers)
            {
                Assert.NotNull(fixer.GetFixAllProvider());
                Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, ids));
            }
        }

        internal static string RulesTable(string linkPrefix)
        {
            var b = new StringBuilder("\n| ID | Title | Category | Default | Fix |\n|---|---|---|---|---|\n");
            var fixable = Catalogue.Fixers.SelectMany(f => f.FixableDiagnosticIds).ToHashSet();
            foreach (var d in Catalogue.Descriptors.Where(d => !d.Id.StartsWith("CDKN_", StringComparison.Ordinal)))
            {
                var severity = d.DefaultSeverity == DiagnosticSeverity.Info ? "Info" : d.DefaultSeverity.ToString();
                b.Append($"| [{d.Id}]({linkPrefix}{d.Id}.md) | {d.Title} | {d.Category} | {severity} | {(fixable.Contains(d.Id) ? "yes" : "no")} |\n");
            }

            // Suppressors have no severity or fix: the row names the diagnostic they silence and the reason, up to its colon.
            foreach (var s in Catalogue.Suppressions)
            {
                var justification = s.Justification.ToString();
                var colon = justification.IndexOf(':', StringComparison.Ordinal);
                var reason = colon > 0 ? justification.Substring(0, colon) : justification.TrimEnd('.');
                reason = char.ToLowerInvariant(reason[0]) + reason.Substring(1);
                b.Append($"| [{s.Id}]({linkPrefix}{s.Id}.md) | Suppresses {s.SuppressedDiagnosticId}: {reason} | Suppressor | — | — |\n");
            }

            return b.ToString();
        }
    }
}
