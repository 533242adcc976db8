using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using CdkLint.Cdk;
using CdkLint.CodeFixes.Editing;
using CdkLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>
    /// CDK2001: <c>BlockPublicAccess = BlockPublicAccess.BLOCK_ALL</c>, added or replacing a weaker value — never for a
    /// bucket that is public on purpose (public read, website, GrantPublicAccess, a policy for everyone), where
    /// blocking would fail the deploy or take the site down.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BucketPublicAccessNotBlockedFixer)), Shared]
    public sealed class BucketPublicAccessNotBlockedFixer : MissingSettingFixer
    {
        private const string BlockAll = "Amazon.CDK.AWS.S3.BlockPublicAccess.BLOCK_ALL";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK2001.Id);

        internal override string EquivalenceKey => "CDK2001.BlockAll";

        internal override string Title(Diagnostic diagnostic) => "Block all public access (BlockPublicAccess.BLOCK_ALL)";

        internal override IReadOnlyList<(string Name, ExpressionSyntax Value)>? Settings(FixContext context, ConstructCreation creation, Diagnostic diagnostic)
            => IsFixable(diagnostic) ? new[] { ("BlockPublicAccess", PropsEditing.QualifiedName(BlockAll)) } : null;

        internal override bool TryFixValue(FixContext context, DocumentEditor editor, SyntaxNode node, Diagnostic diagnostic)
        {
            if (!IsFixable(diagnostic) || node is not ExpressionSyntax value || node.Parent is not AssignmentExpressionSyntax assignment || assignment.Right != node)
            {
                return false;
            }

            editor.ReplaceNode(value, PropsEditing.QualifiedName(BlockAll).WithTriviaFrom(value));
            return true;
        }

        private static bool IsFixable(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(BucketPublicAccessNotBlockedAnalyzer.FixableProperty, out var fixable) && fixable == "true";
    }
}
