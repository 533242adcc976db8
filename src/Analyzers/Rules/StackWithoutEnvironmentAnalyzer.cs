using System.Collections.Immutable;
using System.Threading;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK1003. A stack without an environment is "environment-agnostic": CDK cannot look up VPCs, hosted zones or AMIs,
    /// spreads a VPC over two zones only, and resolves the account and region only at deploy time. Quiet where the
    /// environment comes from elsewhere: the stack's own constructor passes an <c>Env</c> to <c>base</c>, the stack is
    /// created in a <c>Stage</c> (whose environment it inherits), or it is a <c>NestedStack</c> (its parent's environment).
    /// </summary>
    public sealed class StackWithoutEnvironmentAnalyzer : CdkAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK1003);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            var stackProps = symbols.Type("Amazon.CDK.IStackProps");
            var stageProps = symbols.Type("Amazon.CDK.IStageProps");
            var stage = symbols.Type("Amazon.CDK.Stage");
            var app = symbols.Type("Amazon.CDK.App");
            var nestedStack = symbols.Type("Amazon.CDK.NestedStack");
            if (stackProps is null || stage is null)
            {
                return;
            }

            context.RegisterOperationAction(
                ctx =>
                {
                    var creation = (IObjectCreationOperation)ctx.Operation;
                    if (creation.Type is not INamedTypeSymbol type || !CdkSymbols.InheritsFrom(type, symbols.Stack) || CdkSymbols.InheritsFrom(type, nestedStack)
                        || InheritsEnvironment(creation, stage, app, stageProps, ctx.CancellationToken))
                    {
                        return;
                    }

                    var props = PropsArgument(creation, stackProps);
                    if (props is { ArgumentKind: not ArgumentKind.DefaultValue })
                    {
                        if (MaySetEnv(PropsReader.Read(props.Value, ctx.CancellationToken), stackProps))
                        {
                            return;
                        }
                    }

                    if (creation.Constructor is { } constructor && ConstructorSetsEnvironment(constructor, creation.SemanticModel, stackProps, ctx.CancellationToken))
                    {
                        return;
                    }

                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK1003, creation.Syntax.GetLocation(), type.Name));
                },
                OperationKind.ObjectCreation);
        }

        /// <summary>The argument for the constructor's props parameter (its type implements IStackProps), if it has one.</summary>
        internal static IArgumentOperation? PropsArgument(IObjectCreationOperation creation, INamedTypeSymbol stackProps)
        {
            foreach (var argument in creation.Arguments)
            {
                if (CdkSymbols.Implements(argument.Parameter?.Type, stackProps))
                {
                    return argument;
                }
            }

            return null;
        }

        /// <summary>
        /// A stack created in a Stage inherits the stage's environment. The stage is judged when its creation is in
        /// view (a local holding <c>new Stage(app, id, props)</c> whose props set no Env does not count); a stage
        /// reached any other way (<c>this</c> in a Stage subclass, a parameter) is given the benefit of the doubt.
        /// </summary>
        private static bool InheritsEnvironment(IObjectCreationOperation creation, INamedTypeSymbol stage, INamedTypeSymbol? app, INamedTypeSymbol? stageProps, CancellationToken cancellationToken)
        {
            if (creation.Arguments.Length == 0)
            {
                return false;
            }

            var scope = ConstructCreation.Unwrap(creation.Arguments[0].Value);
            if (scope?.Type is not { } scopeType || !CdkSymbols.InheritsFrom(scopeType, stage) || CdkSymbols.InheritsFrom(scopeType, app))
            {
                return false;
            }

            if (scope is ILocalReferenceOperation local)
            {
                foreach (var op in OperationTree.BodyOf(creation))
                {
                    if (op is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local)
                        && ConstructCreation.Unwrap(declarator.Initializer?.Value) is IObjectCreationOperation stageCreation)
                    {
                        foreach (var argument in stageCreation.Arguments)
                        {
                            if (argument.Parameter?.Name == "props")
                            {
                                if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                                {
                                    return false;
                                }

                                return MaySetEnv(PropsReader.Read(argument.Value, cancellationToken), stageProps);
                            }
                        }
                    }
                }
            }

            return true;
        }

        /// <summary>
        /// True when the props set CDK's own <c>Env</c> (<paramref name="propsInterface"/>'s: IStackProps or IStageProps),
        /// or cannot be seen whole. A property that is only called Env (a props class that hides it with <c>new</c>)
        /// leaves the environment unset.
        /// </summary>
        internal static bool MaySetEnv(PropsView view, INamedTypeSymbol? propsInterface)
        {
            if (!view.IsComplete)
            {
                return true;
            }

            foreach (var assignment in view.Assignments)
            {
                if (CdkSymbols.IsInterfaceProperty(assignment.Property, propsInterface, "Env"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when the stack's own constructor gives <c>base</c> props with an <c>Env</c>, or props the analyzer cannot
        /// see whole (built elsewhere): either way the environment is not the creation's to set. Where the constructor
        /// is in the file being analyzed, <paramref name="model"/> tells CDK's <c>Env</c> from a property that is only
        /// called Env; in another file the name decides (the finding is then withheld, never invented).
        /// </summary>
        internal static bool ConstructorSetsEnvironment(IMethodSymbol constructor, SemanticModel? model, INamedTypeSymbol? stackProps, CancellationToken cancellationToken)
        {
            if (constructor.DeclaringSyntaxReferences.Length != 1
                || constructor.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not ConstructorDeclarationSyntax { Initializer: { } initializer })
            {
                return false; // a library stack (new Stack(app, id)), or no base call: the creation's props decide
            }

            // Read from syntax: the constructor may sit in another file. Stack's constructor is (scope, id, props).
            ExpressionSyntax? props = null;
            var arguments = initializer.ArgumentList.Arguments;
            for (var i = 0; i < arguments.Count; i++)
            {
                if (arguments[i].NameColon?.Name.Identifier.ValueText == "props" || arguments[i].NameColon is null && i == 2)
                {
                    props = arguments[i].Expression;
                }
            }

            if (model is not null && model.SyntaxTree != initializer.SyntaxTree)
            {
                model = null;
            }

            if (props is BinaryExpressionSyntax coalesce && coalesce.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.CoalesceExpression))
            {
                // `props ?? new StackProps { … }`: the fallback may carry the environment.
                return SetsEnv(coalesce.Right, model, stackProps, cancellationToken)
                    || !IsParameter(coalesce.Left, constructor) && SetsEnv(coalesce.Left, model, stackProps, cancellationToken);
            }

            return props switch
            {
                null => false,                                                   // base(scope, id): no props at all
                LiteralExpressionSyntax => false,                                // null
                _ when IsParameter(props, constructor) => false,                 // passed through: the creation decides
                BaseObjectCreationExpressionSyntax created => SetsEnv(created, model, stackProps, cancellationToken), // built here: with or without Env
                _ => true,                                                       // built elsewhere (a helper, `with`): not ours to judge
            };
        }

        private static bool IsParameter(ExpressionSyntax expression, IMethodSymbol constructor)
        {
            if (expression is not IdentifierNameSyntax identifier)
            {
                return false;
            }

            foreach (var parameter in constructor.Parameters)
            {
                if (parameter.Name == identifier.Identifier.ValueText)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool SetsEnv(SyntaxNode node, SemanticModel? model, INamedTypeSymbol? stackProps, CancellationToken cancellationToken)
        {
            foreach (var assignment in node.DescendantNodesAndSelf())
            {
                if (assignment is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Env" } left }
                    && (model is null || CdkSymbols.IsInterfaceProperty(model.GetSymbolInfo(left, cancellationToken).Symbol as IPropertySymbol, stackProps, "Env")))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
