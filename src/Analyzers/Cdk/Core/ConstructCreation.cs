using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Cdk
{
    /// <summary>
    /// One place where a construct of a CDK library type comes into being: <c>new Bucket(this, "Id", props)</c>, or a
    /// user subclass's <c>: base(scope, id, new BucketProps { … })</c>. Creations of user subclasses are left to the
    /// subclass's own base call, which is where their props are built.
    /// </summary>
    internal readonly struct ConstructCreation
    {
        private ConstructCreation(IOperation operation, IMethodSymbol constructor, IOperation? propsArgument, IParameterSymbol? propsParameter)
        {
            Operation = operation;
            Constructor = constructor;
            PropsArgument = propsArgument;
            PropsParameter = propsParameter;
        }

        /// <summary>The object creation or the base-constructor invocation.</summary>
        public IOperation Operation { get; }

        public IMethodSymbol Constructor { get; }

        /// <summary>The CDK library type being constructed (Bucket, Function, …).</summary>
        public INamedTypeSymbol Type => Constructor.ContainingType;

        /// <summary>The value passed as props, or null when the call leaves props at its default (no props at all).</summary>
        public IOperation? PropsArgument { get; }

        /// <summary>The constructor's props parameter (its type is the props interface, e.g. IBucketProps).</summary>
        public IParameterSymbol? PropsParameter { get; }

        public Location Location => Operation.Syntax.GetLocation();

        /// <summary>The construct id argument (the parameter named <c>id</c>), if any.</summary>
        public IOperation? IdArgument => Argument("id");

        /// <summary>The argument passed for the constructor parameter named <paramref name="parameter"/> (`scope`, `id`), if any.</summary>
        public IOperation? Argument(string parameter)
        {
            var arguments = Operation switch
            {
                IObjectCreationOperation create => create.Arguments,
                IInvocationOperation call => call.Arguments,
                _ => default,
            };
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name == parameter)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        /// <summary>How a message names the construct: its constant id (`'Images'`) or its type (`Bucket`).</summary>
        public string DisplayName
            => Constant.TryGetString(IdArgument, out var id) ? Type.Name + " '" + id + "'" : Type.Name;

        /// <summary>True when the props type is, derives from or implements <paramref name="propsType"/> (IFunctionOptions, say).</summary>
        public bool PropsAre(INamedTypeSymbol? propsType) => CdkSymbols.IsOrInheritsOrImplements(PropsParameter?.Type, propsType);

        /// <summary>The creation a diagnostic sits on (<c>new X(…)</c> or a <c>: base(…)</c> call), for fixers.</summary>
        public static bool TryFind(SemanticModel model, SyntaxNode node, CdkSymbols symbols, System.Threading.CancellationToken cancellationToken, out ConstructCreation creation)
        {
            creation = default;
            return node is Microsoft.CodeAnalysis.CSharp.Syntax.BaseObjectCreationExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.ConstructorInitializerSyntax
                && model.GetOperation(node, cancellationToken) is { } operation
                && TryGet(operation, symbols, out creation);
        }

        public static bool TryGet(IOperation operation, CdkSymbols symbols, out ConstructCreation creation)
        {
            creation = default;
            IMethodSymbol? ctor;
            System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments;
            switch (operation)
            {
                case IObjectCreationOperation create:
                    ctor = create.Constructor;
                    arguments = create.Arguments;
                    break;
                case IInvocationOperation { TargetMethod.MethodKind: MethodKind.Constructor } baseCall
                    when baseCall.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ConstructorInitializerSyntax:
                    ctor = baseCall.TargetMethod;
                    arguments = baseCall.Arguments;
                    break;
                default:
                    return false;
            }

            if (ctor is null || ctor.ContainingType is not { } type || type.IsAbstract && operation is IObjectCreationOperation)
            {
                return false;
            }

            // Only types shipped in a library (CDK or a construct library): the user's own subclasses are read at
            // their base call, where their props are written.
            if (!symbols.IsLibraryConstructType(type))
            {
                return false;
            }

            IOperation? propsArgument = null;
            IParameterSymbol? propsParameter = null;
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && parameter.Name == "props")
                {
                    propsParameter = parameter;
                    propsArgument = argument.ArgumentKind == ArgumentKind.DefaultValue ? null : argument.Value;
                }
            }

            // A base call that forwards its own props parameter: the props are built wherever the subclass is
            // created, which this creation does not show. Stay quiet rather than guess.
            if (operation is IInvocationOperation && Unwrap(propsArgument) is IParameterReferenceOperation)
            {
                return false;
            }

            creation = new ConstructCreation(operation, ctor, propsArgument, propsParameter);
            return true;
        }

        public static IOperation? Unwrap(IOperation? operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        break;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        break;
                    default:
                        return operation;
                }
            }
        }
    }
}
