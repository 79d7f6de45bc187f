package fiximportv1

import "go.mongodb.org/mongo-driver/mongo"

type Worker struct{ tasks *mongo.Collection }
