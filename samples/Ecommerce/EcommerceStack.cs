using System.Collections.Generic;
using Amazon.CDK;
using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Amazon.CDK.AWS.SSM;
using Constructs;
using Function = Amazon.CDK.AWS.Lambda.Function;
using FunctionProps = Amazon.CDK.AWS.Lambda.FunctionProps;
using S3HttpMethods = Amazon.CDK.AWS.S3.HttpMethods;

namespace Ecommerce
{
    public class EcommerceStack : Stack
    {
        public EcommerceStack(Construct scope, string id, IStackProps? props = null) : base(scope, id, props)
        {
            // Catalogue data
            var productsTable = new Table(this, "ProductsTable", new TableProps
            {
                TableName = "products",
                PartitionKey = new Attribute { Name = "id", Type = AttributeType.STRING },
                BillingMode = BillingMode.PAY_PER_REQUEST,
                RemovalPolicy = RemovalPolicy.DESTROY,
            });

            // Product images, served through CloudFront
            var productImages = new Bucket(this, "ProductImagesBucket", new BucketProps
            {
                BucketName = "ecommerce-product-images",
                RemovalPolicy = RemovalPolicy.DESTROY,
                AutoDeleteObjects = true,
                Cors = new[]
                {
                    new CorsRule
                    {
                        AllowedOrigins = new[] { "*" },
                        AllowedMethods = new[] { S3HttpMethods.GET, S3HttpMethods.HEAD },
                        AllowedHeaders = new[] { "*" },
                        MaxAge = 3000,
                    },
                },
            });

            // Admin notifications
            var adminNotifications = new Topic(this, "AdminNotifications", new TopicProps
            {
                TopicName = "ecommerce-admin-notifications",
                DisplayName = "E-commerce admin notifications",
            });
            adminNotifications.AddSubscription(new EmailSubscription("admin@example-shop.com"));

            // Lambda functions: every function starts from the same props
            var listProductsProps = CatalogFunctionProps(productsTable, "Lists the products of the catalogue");
            listProductsProps.FunctionName = "ecommerce-list-products";
            listProductsProps.Handler = "index.handler";
            listProductsProps.Code = Code.FromInline(ListProductsCode);
            listProductsProps.Timeout = Duration.Seconds(60);
            var listProducts = new Function(this, "ListProductsFunction", listProductsProps);

            var getProductProps = CatalogFunctionProps(productsTable, "Returns one product");
            getProductProps.Handler = "index.handler";
            getProductProps.Code = Code.FromInline(GetProductCode);
            var getProduct = new Function(this, "GetProductFunction", getProductProps);

            var createProductProps = CatalogFunctionProps(productsTable, "Adds a product and notifies the admins");
            createProductProps.Handler = "index.handler";
            createProductProps.Code = Code.FromInline(CreateProductCode);
            var createProduct = new Function(this, "CreateProductFunction", createProductProps);
            createProduct.AddEnvironment("TOPIC_ARN", adminNotifications.TopicArn);
            createProduct.AddEnvironment("IMAGES_BUCKET", productImages.BucketName);

            // Permissions
            productsTable.GrantReadData(listProducts);
            adminNotifications.GrantPublish(createProduct);

            getProduct.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Actions = new[] { "dynamodb:*" },
                Resources = new[] { "*" },
            }));

            createProduct.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Actions = new[] { "*" },
                Resources = new[] { productImages.BucketArn, productImages.ArnForObjects("*") },
            }));

            createProduct.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Actions = new[] { "sns:Publish" },
                Resources = new[] { "arn:aws:sns:us-east-1:123456789012:legacy-orders" },
            }));

            createProduct.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Actions = new[] { "xray:PutTraceSegments", "xray:PutTelemetryRecords" },
                Resources = new[] { "*" },
            }));

            // REST API
            var api = new RestApi(this, "ProductsApi", new RestApiProps
            {
                RestApiName = "ecommerce-api",
                Description = "Product catalogue API",
                DefaultCorsPreflightOptions = new CorsOptions
                {
                    AllowOrigins = Cors.ALL_ORIGINS,
                    AllowMethods = Cors.ALL_METHODS,
                },
            });

            var products = api.Root.AddResource("products");
            products.AddMethod("GET", new LambdaIntegration(listProducts));
            products.AddMethod("POST", new LambdaIntegration(createProduct));

            var product = products.AddResource("{id}");
            product.AddMethod("GET", new LambdaIntegration(getProduct));

            // CDN for the product images, with the API under /api/*
            var distribution = new Distribution(this, "ProductImagesDistribution", new DistributionProps
            {
                Comment = "Product images",
                DefaultBehavior = new BehaviorOptions
                {
                    Origin = S3BucketOrigin.WithOriginAccessControl(productImages),
                    ViewerProtocolPolicy = ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                    CachePolicy = CachePolicy.CACHING_DISABLED,
                },
            });

            distribution.AddBehavior("/api/*", new RestApiOrigin(api), new AddBehaviorOptions
            {
                ViewerProtocolPolicy = ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                AllowedMethods = AllowedMethods.ALLOW_ALL,
                CachePolicy = CachePolicy.CACHING_DISABLED,
                OriginRequestPolicy = OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
            });

            // Where the storefront finds the API
            new StringParameter(this, "ApiUrlParameter", new StringParameterProps
            {
                ParameterName = "/ecommerce/api-url",
                StringValue = api.Url,
            });

            new CfnOutput(this, "ApiUrl", new CfnOutputProps
            {
                Value = api.Url,
                Description = "Products API endpoint",
            });

            new CfnOutput(this, "DistributionDomainName", new CfnOutputProps
            {
                Value = distribution.DistributionDomainName,
                Description = "Product images CDN domain",
            });
        }

        // One size for every function: same runtime, memory, timeout and environment.
        private static FunctionProps CatalogFunctionProps(ITable table, string description)
        {
            return new FunctionProps
            {
                Runtime = Runtime.PYTHON_3_9,
                Description = description,
                Environment = new Dictionary<string, string>
                {
                    ["TABLE_NAME"] = table.TableName,
                    ["LOG_LEVEL"] = "INFO",
                    ["ADMIN_EMAIL"] = "admin@example-shop.com",
                    ["NOTIFICATIONS_FROM"] = "no-reply@example-shop.com",
                    ["PAYMENT_API_KEY"] = "sk_live_51H8x2bQ9vZ3kLmN0pQrStUv",
                },
            };
        }

        private const string ListProductsCode = """
            import json
            import os

            import boto3

            table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


            def handler(event, context):
                items = table.scan(Limit=100).get("Items", [])
                return {
                    "statusCode": 200,
                    "headers": {"Content-Type": "application/json"},
                    "body": json.dumps(items, default=str),
                }
            """;

        private const string GetProductCode = """
            import os

            table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


            def handler(event, context):
                product_id = event["pathParameters"]["id"]
                item = table.get_item(Key={"id": product_id}).get("Item")
                if item is None:
                    return {"statusCode": 404, "body": json.dumps({"message": "Product not found"})}
                return {"statusCode": 200, "body": json.dumps(item, default=str)}
            """;

        private const string CreateProductCode = """
            import decimal
            import json
            import os
            import uuid

            import boto3

            table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])
            topic = boto3.resource("sns").Topic(os.environ["TOPIC_ARN"])


            def lambda_handler(event, context):
                product = json.loads(event.get("body") or "{}", parse_float=decimal.Decimal)
                product["id"] = str(uuid.uuid4())
                table.put_item(Item=product)
                topic.publish(Subject="New product", Message=json.dumps(product, default=str))
                return {"statusCode": 201, "body": json.dumps(product, default=str)}
            """;
    }
}
