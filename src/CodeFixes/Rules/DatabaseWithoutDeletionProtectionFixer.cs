using System.Collections.Immutable;
using System.Composition;
using CdkLint.CodeFixes.Editing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>CDK1006: <c>DeletionProtection = true</c>. It changes the database in place (no replacement); a protected database
    /// then blocks <c>cdk destroy</c> until the setting is turned off again.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DatabaseWithoutDeletionProtectionFixer)), Shared]
    public sealed class DatabaseWithoutDeletionProtectionFixer : TrueSettingFixer
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK1006.Id);

        internal override string EquivalenceKey => "CDK1006.Protect";

        internal override string Property => "DeletionProtection";

        internal override string Title(Diagnostic diagnostic) => "Turn on deletion protection (DeletionProtection = true; in place, blocks cdk destroy)";
    }
}
