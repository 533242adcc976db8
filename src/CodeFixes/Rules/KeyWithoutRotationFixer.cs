using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using CdkLint.Cdk;
using CdkLint.CodeFixes.Editing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>CDK2009: <c>EnableKeyRotation = true</c>, added or written over a <c>false</c> literal (in place: the key and its ARN stay).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KeyWithoutRotationFixer)), Shared]
    public sealed class KeyWithoutRotationFixer : MissingSettingFixer
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.KeyWithoutRotation);

        internal override string EquivalenceKey => "CDK2009.Rotate";

        internal override string Title(Diagnostic diagnostic) => "Rotate the key every year (EnableKeyRotation = true)";

        internal override IReadOnlyList<(string Name, ExpressionSyntax Value)>? Settings(FixContext context, ConstructCreation creation, Diagnostic diagnostic)
            => new[] { ("EnableKeyRotation", (ExpressionSyntax)SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression)) };

        internal override bool TryFixValue(FixContext context, DocumentEditor editor, SyntaxNode node, Diagnostic diagnostic) => ReplaceFalseLiteral(editor, node);
    }
}
