using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using CdkLint.Cdk;
using CdkLint.CodeFixes.Editing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using static CdkLint.Rules.TableWithoutPointInTimeRecoveryAnalyzer;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>
    /// CDK1004: turn point-in-time recovery on with the API the referenced CDK offers without deprecating it — the
    /// boolean <c>PointInTimeRecovery</c> up to the versions that obsolete it, <c>PointInTimeRecoverySpecification</c> after.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TableWithoutPointInTimeRecoveryFixer)), Shared]
    public sealed class TableWithoutPointInTimeRecoveryFixer : MissingSettingFixer
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK1004.Id);

        internal override string EquivalenceKey => "CDK1004.Enable";

        internal override string Title(Diagnostic diagnostic) => "Enable point-in-time recovery";

        internal override IReadOnlyList<(string Name, ExpressionSyntax Value)>? Settings(FixContext context, ConstructCreation creation, Diagnostic diagnostic)
        {
            var propsClass = PropsAdditions.PropsClassName(creation, context.Symbols) is { } name ? context.Symbols.Type(name) : null;
            return propsClass is null ? null : new[] { Setting(propsClass) };
        }

        internal override bool TryFixValue(FixContext context, DocumentEditor editor, SyntaxNode node, Diagnostic diagnostic)
        {
            if (node.Parent is not AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax or ExpressionStatementSyntax } assignment || assignment.Right != node
                || context.Model.GetSymbolInfo(assignment.Left, context.CancellationToken).Symbol is not IPropertySymbol property)
            {
                return false;
            }

            if (property.Name == Boolean && IsObsolete(property) && property.ContainingType.GetMembers(Specification).Any())
            {
                // `PointInTimeRecovery = false` on a version that deprecates it: write the replacement API instead.
                var (name, value) = Setting(property.ContainingType);
                var left = assignment.Left is MemberAccessExpressionSyntax access
                    ? (ExpressionSyntax)access.WithName(SyntaxFactory.IdentifierName(name))
                    : SyntaxFactory.IdentifierName(name);
                editor.ReplaceNode(assignment, assignment.WithLeft(left.WithTriviaFrom(assignment.Left)).WithRight(value.WithTriviaFrom(assignment.Right)));
                return true;
            }

            if (property.Name is Boolean or Enabled && node is ExpressionSyntax expression)
            {
                editor.ReplaceNode(expression, SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(expression));
                return true;
            }

            return false;
        }

        /// <summary>The setting that enables PITR on props of type <paramref name="propsType"/>.</summary>
        private static (string Name, ExpressionSyntax Value) Setting(INamedTypeSymbol propsType)
        {
            var flag = FindProperty(propsType, Boolean);
            var specification = FindProperty(propsType, Specification);
            if (specification is not null && (flag is null || IsObsolete(flag)))
            {
                var value = PropsEditing.ParseQualified("new global::Amazon.CDK.AWS.DynamoDB.PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true }");
                return (Specification, value);
            }

            return (Boolean, SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression));
        }

        private static IPropertySymbol? FindProperty(INamedTypeSymbol type, string name)
            => type.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault();

        private static bool IsObsolete(ISymbol symbol)
            => symbol.GetAttributes().Any(a => a.AttributeClass?.Name == "ObsoleteAttribute");
    }
}
