using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using CdkLint.Cdk;
using CdkLint.CodeFixes.Editing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>CDK2002: <c>EnforceSSL = true</c> (CDK then adds the TLS-only Deny statement to the bucket policy).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BucketAllowsNonTlsFixer)), Shared]
    public sealed class BucketAllowsNonTlsFixer : MissingSettingFixer
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.BucketAllowsNonTls);

        internal override string EquivalenceKey => "CDK2002.EnforceSsl";

        internal override string Title(Diagnostic diagnostic) => "Deny requests that do not use TLS (EnforceSSL = true)";

        internal override IReadOnlyList<(string Name, ExpressionSyntax Value)>? Settings(FixContext context, ConstructCreation creation, Diagnostic diagnostic)
            => new[] { ("EnforceSSL", (ExpressionSyntax)SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression)) };
    }
}
