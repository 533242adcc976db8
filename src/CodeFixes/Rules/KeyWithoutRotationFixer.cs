using System.Collections.Immutable;
using System.Composition;
using CdkLint.CodeFixes.Editing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>CDK2009: <c>EnableKeyRotation = true</c>, in place: the key, its ARN and its aliases stay.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KeyWithoutRotationFixer)), Shared]
    public sealed class KeyWithoutRotationFixer : TrueSettingFixer
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK2009.Id);

        internal override string EquivalenceKey => "CDK2009.Rotate";

        internal override string Property => "EnableKeyRotation";

        internal override string Title(Diagnostic diagnostic) => "Rotate the key every year (EnableKeyRotation = true)";
    }
}
