using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace CdkLint.Tests.Infrastructure
{
    /// <summary>The Amazon.CDK.Lib versions the tests compile against: the oldest, the newest restorable, the newest.</summary>
    public enum CdkVersion
    {
        V2_103,
        V2_160,
        V2_277,
    }

    /// <summary>
    /// Metadata references for test compilations, created once per test run and shared (the CDK dlls are 46–92 MB).
    /// Everything comes from packages restored before the run: no network while tests run.
    /// </summary>
    public static class CdkReferences
    {
        private static readonly ConcurrentDictionary<CdkVersion, ImmutableArray<MetadataReference>> Cache = new();
        private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(LoadFramework);

        public static string PackageRoot { get; } = Metadata("NuGetPackageRoot");

        public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

        public static ImmutableArray<MetadataReference> Framework => FrameworkReferences.Value;

        public static string PackageVersion(CdkVersion version) => version switch
        {
            CdkVersion.V2_103 => "2.103.0",
            CdkVersion.V2_160 => "2.160.0",
            CdkVersion.V2_277 => "2.277.0",
            _ => throw new ArgumentOutOfRangeException(nameof(version)),
        };

        /// <summary>Framework + Amazon.CDK.Lib of <paramref name="version"/> + Constructs + Amazon.JSII.Runtime.</summary>
        public static ImmutableArray<MetadataReference> For(CdkVersion version)
            => Cache.GetOrAdd(version, v => Framework.AddRange(Cdk(v)));

        /// <summary>The path of one CDK version's Amazon.CDK.Lib.dll.</summary>
        public static string CdkAssemblyPath(CdkVersion version)
            => FindDll(Path.Combine(PackageRoot, "amazon.cdk.lib", PackageVersion(version), "lib"), "Amazon.CDK.Lib.dll");

        private static ImmutableArray<MetadataReference> Cdk(CdkVersion version) => ImmutableArray.Create<MetadataReference>(
            MetadataReference.CreateFromFile(CdkAssemblyPath(version)),
            MetadataReference.CreateFromFile(FindDll(Path.Combine(PackageRoot, "constructs", "10.0.5", "lib"), "Constructs.dll")),
            MetadataReference.CreateFromFile(FindDll(Path.Combine(PackageRoot, "amazon.jsii.runtime", "1.142.0", "lib"), "Amazon.JSII.Runtime.dll")));

        private static ImmutableArray<MetadataReference> LoadFramework()
        {
            var list = Path.Combine(AppContext.BaseDirectory, "framework-references.txt");
            if (!File.Exists(list))
            {
                throw new InvalidOperationException($"{list} is missing: build the test project with dotnet build, which writes it.");
            }

            return File.ReadAllLines(list)
                .Where(line => line.Length > 0)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        }

        private static string FindDll(string folder, string name)
        {
            var match = Directory.Exists(folder) ? Directory.GetFiles(folder, name, SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal).LastOrDefault() : null;
            return match ?? throw new InvalidOperationException($"{name} not found under {folder}: run dotnet restore (the test project downloads it with PackageDownload).");
        }

        private static string Metadata(string key)
            => typeof(CdkReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
    }
}
