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
    /// <summary>
    /// CDK1006: <c>DeletionProtection = true</c>, added to the props or written over a <c>false</c> literal. It changes
    /// the database in place (no replacement); a protected database then blocks <c>cdk destroy</c> until the setting is
    /// turned off again.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DatabaseWithoutDeletionProtectionFixer)), Shared]
    public sealed class DatabaseWithoutDeletionProtectionFixer : MissingSettingFixer
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.DatabaseWithoutDeletionProtection);

        internal override string EquivalenceKey => "CDK1006.Protect";

        internal override string Title(Diagnostic diagnostic) => "Turn on deletion protection (DeletionProtection = true; in place, blocks cdk destroy)";

        internal override IReadOnlyList<(string Name, ExpressionSyntax Value)>? Settings(FixContext context, ConstructCreation creation, Diagnostic diagnostic)
            => new[] { ("DeletionProtection", (ExpressionSyntax)SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression)) };

        internal override bool TryFixValue(FixContext context, DocumentEditor editor, SyntaxNode node, Diagnostic diagnostic) => ReplaceFalseLiteral(editor, node);
    }
}
