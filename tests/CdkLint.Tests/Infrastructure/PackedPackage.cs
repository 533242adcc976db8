using System;
using System.IO;
using System.Linq;
using Xunit;

namespace CdkLint.Tests.Infrastructure
{
    /// <summary>CdkLint packed once per test run (eng/pack.sh), for the tests that consume it as a user would.</summary>
    public static class PackedPackage
    {
        private static readonly Lazy<string> Nupkg = new(() =>
        {
            // A prerelease label unique to this run: another checkout's tests on the same machine pack the same base
            // version, and the NuGet cache is shared.
            var label = "test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "." + Environment.ProcessId;
            var (code, output) = Processes.Run("bash", "eng/pack.sh " + label, CdkReferences.RepositoryRoot);
            Assert.True(code == 0, output);
            var path = output.Trim().Split('\n').Last().Trim();
            Assert.True(File.Exists(path), $"pack reported {path}, which does not exist:\n{output}");
            return path;
        });

        public static string Path => Nupkg.Value;

        public static string Folder => System.IO.Path.GetDirectoryName(Nupkg.Value)!;

        public static string Version => System.IO.Path.GetFileNameWithoutExtension(Nupkg.Value).Substring("CdkLint.".Length);

        /// <summary>
        /// A throw-away CDK app project in <paramref name="dir"/> that takes CdkLint through a PackageReference, as an
        /// infrastructure repository would: Infra.csproj (CDK 2.160.0), a nuget.config pointing at the packed folder, a cdk.json.
        /// </summary>
        public static void WriteCdkProject(string dir)
        {
            File.WriteAllText(System.IO.Path.Combine(dir, "nuget.config"), NuGetConfig);
            File.WriteAllText(System.IO.Path.Combine(dir, "Infra.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Amazon.CDK.Lib" Version="2.160.0" />
                    <PackageReference Include="Constructs" Version="10.0.5" />
                    <PackageReference Include="CdkLint" Version="{Version}" PrivateAssets="all" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(System.IO.Path.Combine(dir, "cdk.json"), """{ "app": "dotnet run", "context": {} }""");
        }

        /// <summary>A nuget.config that takes CdkLint from the packed folder and everything else from the usual feed.</summary>
        public static string NuGetConfig => $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{Folder}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="CdkLint" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """;
    }
}
