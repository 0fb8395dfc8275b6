# Build: the SDK image restores and publishes; Node is needed because the build installs the
# Banana Cake Pop IDE from npm (pinned by its lock file) and ships it with the gateway.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/Gateway/Gateway.csproj -c Release -o /app --no-self-contained

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
