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

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>
    /// CDK4007: turn Container Insights on with the setting the referenced CDK does not obsolete —
    /// <c>ContainerInsightsV2 = ContainerInsights.ENABLED</c> where the props have it, else <c>ContainerInsights = true</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClusterWithoutContainerInsightsFixer)), Shared]
    public sealed class ClusterWithoutContainerInsightsFixer : MissingSettingFixer
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK4007.Id);

        internal override string EquivalenceKey => "CDK4007.Enable";

        internal override string Title(Diagnostic diagnostic) => "Turn on Container Insights (in place; CloudWatch bills its metrics)";

        internal override IReadOnlyList<(string Name, ExpressionSyntax Value)>? Settings(FixContext context, ConstructCreation creation, Diagnostic diagnostic)
        {
            var props = context.Symbols.Type("Amazon.CDK.AWS.ECS.ClusterProps");
            if (props is not null && props.GetMembers("ContainerInsightsV2").OfType<IPropertySymbol>().Any() && context.Symbols.Type("Amazon.CDK.AWS.ECS.ContainerInsights") is not null)
            {
                return new[] { ("ContainerInsightsV2", PropsEditing.QualifiedName("Amazon.CDK.AWS.ECS.ContainerInsights.ENABLED")) };
            }

            return new[] { ("ContainerInsights", (ExpressionSyntax)SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression)) };
        }
    }
}
