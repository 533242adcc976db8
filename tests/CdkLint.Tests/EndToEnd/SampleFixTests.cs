using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CdkLint.Tests.Infrastructure;
using Xunit;

namespace CdkLint.Tests.EndToEnd
{
    /// <summary>
    /// The e-commerce sample in the real toolchain: it shows each rule's findings; `dotnet format analyzers` applies
    /// the fixes (one diagnostic ID per run, as this SDK needs); the fixed sample builds without those findings and
    /// still synthesizes, and the template changed the way each fix promises.
    /// </summary>
    [Trait("Category", "EndToEnd")]
    public class SampleFixTests
    {
        [Fact]
        public void Fixing_the_sample_removes_the_findings_and_it_still_synthesizes()
        {
            var dir = CopySample();
            try
            {
                var before = Build(dir);
                Assert.Equal(4, Count(before, "CDK1001"));
                Assert.Equal(3, Count(before, "CDK1002"));
                var templateBefore = Synth(dir);
                Assert.Contains("\"DeletionPolicy\": \"Delete\"", templateBefore);
                Assert.Contains("Custom::S3AutoDeleteObjects", templateBefore);
                Assert.Contains("\"TableName\": \"products\"", templateBefore);

                foreach (var id in new[] { "CDK1002", "CDK1001" })
                {
                    var (code, output) = Processes.Run("dotnet", $"format analyzers Ecommerce.csproj --diagnostics {id} --severity info --no-restore", dir);
                    Assert.True(code == 0, output);
                }

                var after = Build(dir);
                Assert.Equal(0, Count(after, "CDK1002"));
                Assert.Equal(0, Count(after, "CDK1001"));

                var templateAfter = Synth(dir);
                Assert.DoesNotContain("\"DeletionPolicy\": \"Delete\"", templateAfter);
                Assert.DoesNotContain("Custom::S3AutoDeleteObjects", templateAfter);
                Assert.DoesNotContain("\"TableName\": \"products\"", templateAfter);
                Assert.DoesNotContain("\"BucketName\": \"ecommerce-product-images\"", templateAfter);
                Assert.Matches("\"AWS::DynamoDB::Table\",\\s*\"Properties\"[\\s\\S]*?\"DeletionPolicy\": \"Retain\"", templateAfter);
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        private static string CopySample()
        {
            var source = Path.Combine(CdkReferences.RepositoryRoot, "samples", "Ecommerce");
            var dir = Directory.CreateTempSubdirectory("cdklint-sample-").FullName;
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(source, file);
                if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" or "cdk.out"))
                {
                    continue;
                }

                var target = Path.Combine(dir, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            File.WriteAllText(Path.Combine(dir, "nuget.config"), PackedPackage.NuGetConfig);
            File.WriteAllText(Path.Combine(dir, "Directory.Build.props"), $"<Project><PropertyGroup><CdkLintVersion>{PackedPackage.Version}</CdkLintVersion></PropertyGroup></Project>");
            return dir;
        }

        private static string Build(string dir)
        {
            var (code, output) = Processes.Run("dotnet", "build Ecommerce.csproj -nologo --no-incremental", dir);
            Assert.True(code == 0, output);
            Assert.DoesNotContain("AD0001", output);
            return output;
        }

        private static int Count(string buildOutput, string id)
            => Regex.Matches(buildOutput, $@"\S+\.cs\(\d+,\d+\): (?:warning|info|error) {id}:[^\[]*")
                .Select(m => m.Value).Distinct().Count();

        private static string Synth(string dir)
        {
            var output = Path.Combine(dir, "cdk.out");
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }

            var (code, text) = Processes.Run("bash", $"-c \"CDK_OUTDIR=cdk.out dotnet run --no-build\"", dir);
            Assert.True(code == 0, "synth failed (Node.js is required for synth):\n" + text);
            return File.ReadAllText(Path.Combine(output, "EcommerceStack.template.json"));
        }
    }
}
