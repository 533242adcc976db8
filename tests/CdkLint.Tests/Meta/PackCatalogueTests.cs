using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CdkLint.Pack;
using CdkLint.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CdkLint.Tests.Meta
{
    /// <summary>
    /// The AwsSolutions pack's table is the one source of its descriptors, pages, preset entries and README mapping:
    /// these tests hold the generated files to it (set CDKLINT_UPDATE_DOCS=1 to rewrite them), and hold the table to
    /// cdk-nag's pack (131 rules) and to CDK's metadata (every construct and prop a data rule names exists).
    /// </summary>
    public class PackCatalogueTests
    {
        private static readonly string Root = CdkReferences.RepositoryRoot;

        private static bool Update => Environment.GetEnvironmentVariable("CDKLINT_UPDATE_DOCS") == "1";

        public static IEnumerable<object[]> PackRules => AwsSolutionsRules.All.Where(r => r.Coverage == Coverage.Pack).Select(r => new object[] { r.Name });

        [Fact]
        public void The_table_names_each_of_cdk_nags_131_AwsSolutions_rules_once()
        {
            Assert.Equal(131, AwsSolutionsRules.All.Count);
            Assert.Equal(AwsSolutionsRules.All.Count, AwsSolutionsRules.All.Select(r => r.Name).Distinct().Count());
            Assert.All(AwsSolutionsRules.All, r => Assert.Matches("^[A-Z]+[0-9]+$", r.Name));
        }

        [Fact]
        public void A_concept_row_names_a_shipped_rule_and_a_row_outside_the_pack_says_why()
        {
            var ids = Catalogue.Descriptors.Select(d => d.Id).ToHashSet();
            foreach (var rule in AwsSolutionsRules.All)
            {
                if (rule.Coverage == Coverage.Concept || rule.CoveredBy is not null)
                {
                    Assert.True(rule.CoveredBy is not null && ids.Contains(rule.CoveredBy), rule.Name + " names no shipped rule");
                }

                Assert.False(string.IsNullOrWhiteSpace(rule.Note), rule.Name + " says nothing");
                if (rule.Coverage == Coverage.Pack)
                {
                    Assert.False(string.IsNullOrWhiteSpace(rule.Why), rule.Name + " has no why");
                    Assert.NotEmpty(rule.Quiet);
                    Assert.Contains(rule.Id, ids);
                }
            }
        }

        [Theory, MemberData(nameof(PackRules))]
        public void A_pack_descriptor_is_off_by_default_and_well_formed(string name)
        {
            var d = Catalogue.Descriptors.Single(x => x.Id == "CDKN_" + name);
            Assert.Equal("CdkLint.AwsSolutions", d.Category);
            Assert.False(d.IsEnabledByDefault);
            Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity);
            Assert.Equal($"https://github.com/cdklint/cdklint/blob/main/docs/rules/CDKN_{name}.md", d.HelpLinkUri);
            Assert.EndsWith("(AwsSolutions-" + name + ")", d.MessageFormat.ToString(), StringComparison.Ordinal);
        }

        /// <summary>Each data check names a construct and a prop (nested with a dot) that some CDK version the tests carry has.</summary>
        [Fact]
        public void Every_data_check_names_a_construct_and_prop_that_exist()
        {
            var compilations = new[] { CdkVersion.V2_103, CdkVersion.V2_160, CdkVersion.V2_277 }
                .Select(v => CSharpCompilation.Create("Pack" + v, references: CdkReferences.For(v)))
                .ToList();
            var missing = new List<string>();
            foreach (var rule in AwsSolutionsRules.All)
            {
                foreach (var check in rule.Checks)
                {
                    var found = check.Prop.Length == 0 ? compilations.Any(c => c.GetTypeByMetadataName(check.Construct) is not null) : compilations.Any(c => c.GetTypeByMetadataName(check.Construct) is { } type && HasProp(c, type, check.Prop));
                    if (!found)
                    {
                        missing.Add($"{rule.Name}: {check.Construct} / {check.Prop}");
                    }
                }
            }

            Assert.True(missing.Count == 0, "checks that no CDK version can satisfy:\n" + string.Join("\n", missing));
        }

        [Fact]
        public void The_AwsSolutions_preset_turns_on_every_pack_rule()
        {
            var file = Path.Combine(Root, "src", "Package", "build", "presets", "CdkLint.AwsSolutions.globalconfig");
            var expected = new StringBuilder("\n");
            foreach (var rule in AwsSolutionsRules.All.Where(r => r.Coverage == Coverage.Pack))
            {
                expected.Append($"dotnet_diagnostic.{rule.Id}.severity = warning\n");
            }

            Between(file, "# pack:start", "# pack:end", expected.ToString());
        }

        [Theory, MemberData(nameof(PackRules))]
        public void A_pack_rule_has_its_generated_page(string name)
        {
            var rule = AwsSolutionsRules.All.Single(r => r.Name == name);
            var path = Path.Combine(Root, "docs", "rules", rule.Id + ".md");
            var expected = Page(rule);
            if (Update && (!File.Exists(path) || File.ReadAllText(path) != expected))
            {
                File.WriteAllText(path, expected);
                return;
            }

            Assert.True(File.Exists(path), path + " is missing (CDKLINT_UPDATE_DOCS=1 writes it)");
            Assert.Equal(expected, File.ReadAllText(path));
        }

        [Fact]
        public void The_pack_release_file_lists_every_pack_rule()
        {
            var path = Path.Combine(Root, "src", "Analyzers", "AnalyzerReleases.Pack.md");
            var b = new StringBuilder("; The AwsSolutions pack: descriptors built from src/Analyzers/Pack/AwsSolutionsRules.cs at run time, so the\n")
                .Append("; release-tracking analyzer (which reads only static descriptors) cannot hold them; PackCatalogueTests does.\n\n")
                .Append("Rule ID | Category | Severity | Notes\n--------|----------|----------|-------\n");
            foreach (var rule in AwsSolutionsRules.All.Where(r => r.Coverage == Coverage.Pack).OrderBy(r => r.Id, StringComparer.Ordinal))
            {
                b.Append($"{rule.Id} | CdkLint.AwsSolutions | Disabled | {rule.NagId}\n");
            }

            if (Update && (!File.Exists(path) || File.ReadAllText(path) != b.ToString()))
            {
                File.WriteAllText(path, b.ToString());
                return;
            }

            Assert.Equal(b.ToString(), File.ReadAllText(path));
        }

        [Fact]
        public void Readme_maps_every_AwsSolutions_rule()
            => Between(Path.Combine(Root, "README.md"), "<!-- awssolutions:start -->", "<!-- awssolutions:end -->", Mapping("docs/rules/"));

        internal static string Mapping(string linkPrefix)
        {
            var b = new StringBuilder("\n| cdk-nag rule | Level | What it asks | CdkLint |\n|---|---|---|---|\n");
            foreach (var rule in AwsSolutionsRules.All)
            {
                var answer = rule.Coverage switch
                {
                    Coverage.Concept => $"covered by [{rule.CoveredBy}]({linkPrefix}{rule.CoveredBy}.md)",
                    Coverage.Pack when rule.CoveredBy is not null => $"pack rule [{rule.Id}]({linkPrefix}{rule.Id}.md), with [{rule.CoveredBy}]({linkPrefix}{rule.CoveredBy}.md)",
                    Coverage.Pack => $"pack rule [{rule.Id}]({linkPrefix}{rule.Id}.md)",
                    _ => "not in the pack: " + rule.Note,
                };
                b.Append($"| {rule.NagId} | {(rule.NagError ? "error" : "warning")} | {rule.Title} | {answer} |\n");
            }

            var counts = AwsSolutionsRules.All.GroupBy(r => r.Coverage).ToDictionary(g => g.Key, g => g.Count());
            b.Append($"\n{counts.GetValueOrDefault(Coverage.Concept)} covered by concept rules, {counts.GetValueOrDefault(Coverage.Pack)} pack rules, {counts.GetValueOrDefault(Coverage.NotInPack)} not in the pack (of {AwsSolutionsRules.All.Count}).\n");
            return b.ToString();
        }

        internal static string Page(PackRule rule)
        {
            var b = new StringBuilder();
            b.Append($"# {rule.Id}: {rule.Title}\n\n");
            b.Append("<!-- Generated from src/Analyzers/Pack/AwsSolutionsRules.cs by PackCatalogueTests (CDKLINT_UPDATE_DOCS=1): edit the table, not this page. -->\n\n");
            b.Append("| | |\n|---|---|\n");
            b.Append("| Category | CdkLint.AwsSolutions (the AwsSolutions pack) |\n");
            b.Append("| Default | off; a warning with `<CdkLintMode>AwsSolutions</CdkLintMode>` |\n");
            b.Append($"| cdk-nag | {rule.NagId} ({(rule.NagError ? "error" : "warning")}), {rule.Service} |\n");
            b.Append($"| Fix | {(rule.Fix is null ? "none" : "yes")} |\n");
            if (rule.CoveredBy is not null)
            {
                b.Append($"| Together with | [{rule.CoveredBy}]({rule.CoveredBy}.md), which reports the rest of {rule.NagId} |\n");
            }

            b.Append("\n## What it reports\n\n").Append(rule.Note).Append("\n\n");
            b.Append("## Why\n\n").Append(rule.Why).Append("\n\n");
            b.Append("## Does not flag\n\n");
            foreach (var quiet in rule.Quiet)
            {
                b.Append("- ").Append(quiet).Append('\n');
            }

            b.Append("\n## Fix\n\n").Append(rule.Fix ?? "No code fix: " + rule.NoFixBecause).Append("\n\n");
            b.Append("## Differences from cdk-nag\n\n");
            b.Append(rule.Divergence ?? $"None known: CdkLint's end-to-end proof synthesizes positive and negative cases of {rule.NagId}, runs cdk-nag 3.0.2 over the template and CdkLint over the source, and the verdicts agree.");
            b.Append("\n\n## How to turn it on or suppress it\n\n");
            b.Append("The rule is part of the AwsSolutions preset:\n\n```xml\n<PropertyGroup>\n  <CdkLintMode>AwsSolutions</CdkLintMode>\n</PropertyGroup>\n```\n\n");
            b.Append($"or on its own, in `.editorconfig`: `dotnet_diagnostic.{rule.Id}.severity = warning`. To accept one finding, say why where it is, as a cdk-nag acknowledgement would:\n\n");
            b.Append($"```csharp\n#pragma warning disable {rule.Id} // <the reason this resource is an exception>\n```\n\n");
            b.Append($"and `dotnet_diagnostic.{rule.Id}.severity = none` turns it off for the files the section covers.\n");
            return b.ToString();
        }

        private static void Between(string file, string start, string end, string expected)
        {
            var text = File.ReadAllText(file);
            var from = text.IndexOf(start, StringComparison.Ordinal);
            var to = text.IndexOf(end, StringComparison.Ordinal);
            Assert.True(from >= 0 && to > from, $"{file} needs the markers {start} and {end}");
            var actual = text.Substring(from + start.Length, to - from - start.Length);
            if (actual != expected && Update)
            {
                File.WriteAllText(file, text.Substring(0, from + start.Length) + expected + text.Substring(to));
                return;
            }

            Assert.Equal(expected, actual);
        }

        private static bool HasProp(Compilation compilation, INamedTypeSymbol construct, string prop)
        {
            // The props type: the constructor's `props` parameter.
            var propsType = construct.Constructors.SelectMany(c => c.Parameters).FirstOrDefault(p => p.Name == "props")?.Type;
            // A factory step (`ViewerCertificate.options.SecurityPolicy`) names a parameter: only the props up to it are held here.
            var path = prop.Contains(".options.") ? prop.Substring(0, prop.IndexOf(".options.", StringComparison.Ordinal)) : prop;
            foreach (var part in path.Split('.'))
            {
                var property = propsType is null ? null : AllProperties(propsType).FirstOrDefault(p => p.Name == part);
                if (property is null)
                {
                    return false;
                }

                propsType = property.Type is INamedTypeSymbol { IsValueType: true, TypeArguments.Length: 1 } nullable ? nullable.TypeArguments[0] : property.Type;
                // An L1 prop is typed `object` (a value or a token): its shape is the construct's nested `<Part>Property` type.
                if (propsType.SpecialType == SpecialType.System_Object)
                {
                    propsType = construct.GetTypeMembers(part + "Property").FirstOrDefault();
                }
            }

            return true;
        }

        private static IEnumerable<IPropertySymbol> AllProperties(ITypeSymbol type)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                foreach (var p in t.GetMembers().OfType<IPropertySymbol>())
                {
                    yield return p;
                }
            }

            foreach (var i in type.AllInterfaces)
            {
                foreach (var p in i.GetMembers().OfType<IPropertySymbol>())
                {
                    yield return p;
                }
            }
        }
    }
}
