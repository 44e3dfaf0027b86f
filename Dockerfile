# The hub, built from this repository. Routes, mappings and calendar files are read from the file
# system, so an integration engineer can mount new ones without rebuilding the image.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /opt/lianban
RUN useradd --system --home /opt/lianban lianban
COPY --from=build /src/target/lianban-*.jar lianban.jar
COPY routes routes
COPY mappings mappings
COPY calendar calendar
USER lianban
EXPOSE 8080 2222
ENTRYPOINT ["java", "-jar", "/opt/lianban/lianban.jar"]
