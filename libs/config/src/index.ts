export { Environment, InvalidConfiguration, loadEnvironment } from './environment';
export { SolmuConfig } from './solmu-config';
export { ConfigModule } from './config.module';
