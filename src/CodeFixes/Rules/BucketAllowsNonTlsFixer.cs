using System.Collections.Immutable;
using System.Composition;
using CdkLint.CodeFixes.Editing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>CDK2002: <c>EnforceSSL = true</c> (CDK then adds the TLS-only Deny statement to the bucket policy).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BucketAllowsNonTlsFixer)), Shared]
    public sealed class BucketAllowsNonTlsFixer : TrueSettingFixer
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK2002.Id);

        internal override string EquivalenceKey => "CDK2002.EnforceSsl";

        internal override string Property => "EnforceSSL";

        internal override string Title(Diagnostic diagnostic) => "Deny requests that do not use TLS (EnforceSSL = true)";
    }
}
