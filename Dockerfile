# Build: the SDK image restores and publishes; Node is needed because the build installs the
# Banana Cake Pop IDE from npm (pinned by its lock file) and ships it with the gateway.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/Gateway/Gateway.csproj -c Release -o /app --no-self-contained \
 && dotnet publish src/Shipping/Shipping.csproj -c Release -o /shipping --no-self-contained

# The shipping service on its own (`--target shipping`, docker-compose.yml's `shipping`). Its reference data is
# seeded in memory at each start: no volume.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS shipping
WORKDIR /app
COPY --from=build /shipping .
ENV Urls="http://+:8080"
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "Shipping.dll"]

# The gateway: the last stage, so a plain `docker build` makes it.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# The SQLite store lives on a volume so that it survives container restarts (it is seeded once, on first start).
ENV ConnectionStrings__Store="Data Source=/data/store.db" \
    Urls="http://+:8080"
VOLUME /data
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "Gateway.dll"]
