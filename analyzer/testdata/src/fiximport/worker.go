package fiximport

import "go.mongodb.org/mongo-driver/v2/mongo"

type Worker struct{ tasks *mongo.Collection }
