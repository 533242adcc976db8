using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using CdkLint.Tests.Infrastructure;
using Xunit;

namespace CdkLint.Tests.Package
{
    /// <summary>
    /// The route an infrastructure repository takes: pack CdkLint, restore the nupkg from a local folder feed into a
    /// throw-away CDK project through a PackageReference, build, and see CdkLint's findings in the build output.
    /// </summary>
    [Trait("Category", "EndToEnd")]
    public class PackageTests
    {
        [Fact]
        public void Package_holds_both_dlls_as_a_development_dependency_without_dependencies()
        {
            using var zip = ZipFile.OpenRead(PackedPackage.Path);
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("analyzers/dotnet/cs/CdkLint.Analyzers.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/CdkLint.CodeFixes.dll", entries);
            Assert.Contains("build/CdkLint.props", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));

            var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            using var stream = nuspecEntry.Open();
            var nuspec = XDocument.Load(stream);
            XNamespace ns = nuspec.Root!.Name.NamespaceName;
            var metadata = nuspec.Root.Element(ns + "metadata")!;
            Assert.Equal("CdkLint", metadata.Element(ns + "id")!.Value);
            Assert.Equal("true", metadata.Element(ns + "developmentDependency")?.Value);
            Assert.Empty(metadata.Descendants(ns + "dependency"));

            // What a team looks at before adopting a package.
            Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));
            Assert.Equal("Apache-2.0", metadata.Element(ns + "license")?.Value);
            Assert.Equal("expression", metadata.Element(ns + "license")?.Attribute("type")?.Value);
            Assert.StartsWith("https://", metadata.Element(ns + "projectUrl")?.Value);
            Assert.StartsWith("https://", metadata.Element(ns + "repository")?.Attribute("url")?.Value);
            Assert.Contains("cdk", metadata.Element(ns + "tags")?.Value ?? string.Empty);
            Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
            Assert.Contains("README.md", entries);
            Assert.Contains("## " + PackedPackage.Version.Split('-')[0], metadata.Element(ns + "releaseNotes")?.Value ?? string.Empty);
            Assert.Contains("build/presets/CdkLint.Strict.globalconfig", entries);
            Assert.Contains("build/presets/CdkLint.None.globalconfig", entries);
            Assert.Contains("build/presets/CdkLint.AwsSolutions.globalconfig", entries);
            Assert.Contains("build/schema/cdklint.schema.json", entries);
        }

        [Fact]
        public void A_cdk_project_restoring_the_package_sees_CdkLint_findings_in_its_build()
        {
            var dir = Directory.CreateTempSubdirectory("cdklint-package-").FullName;
            try
            {
                PackedPackage.WriteCdkProject(dir);
                File.WriteAllText(Path.Combine(dir, "Program.cs"), """
                    using Amazon.CDK;
                    using Amazon.CDK.AWS.S3;
                    using Constructs;

                    public sealed class StorageStack : Stack
                    {
                        public StorageStack(Construct scope, string id) : base(scope, id)
                        {
                            new Bucket(this, "Assets", new BucketProps { BucketName = "my-team-assets" });
                        }
                    }

                    public static class Program
                    {
                        public static void Main()
                        {
                            var app = new App();
                            new StorageStack(app, "Storage");
                            app.Synth();
                        }
                    }
                    """);

                var (code, output) = Processes.Run("dotnet", "build -nologo", dir);
                Assert.True(code == 0, output);
                Assert.Contains("warning CDK1001: BucketName 'my-team-assets' is hardcoded", output);
                Assert.DoesNotContain("AD0001", output);
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
